"""Freeze the clock: an app factory that lets a test choose today's date.

A loan is overdue once today is past its due date. Tests cannot wait two weeks, so
create_app takes the function that says what day it is.
"""

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import msgspec
from litestar import Litestar, get
from litestar.di import NamedDependency, Provide
from litestar.exceptions import NotFoundException
from litestar.params import FromPath

LOAN_PERIOD = timedelta(days=14)
BORROWED = {1: ("Dune", date(2026, 1, 1)), 2: ("Emma", date(2026, 1, 20))}


class Loan(msgspec.Struct):
    id: int
    title: str
    due: date
    overdue: bool


@get("/loans/{loan_id:int}")
async def show_loan(loan_id: FromPath[int], today: NamedDependency[date]) -> Loan:
    if loan_id not in BORROWED:
        raise NotFoundException(f"No loan {loan_id}")
    title, borrowed = BORROWED[loan_id]
    due = borrowed + LOAN_PERIOD
    return Loan(id=loan_id, title=title, due=due, overdue=today > due)


def utc_today() -> date:
    return datetime.now(UTC).date()


def create_app(today: Callable[[], date] = utc_today) -> Litestar:
    """The loans app; a test passes a `today` that returns the date it wants."""

    async def provide_today() -> date:
        return today()  # asked on every request, not once when the app is built

    return Litestar(route_handlers=[show_loan], dependencies={"today": Provide(provide_today)})


app = create_app()  # the real clock
