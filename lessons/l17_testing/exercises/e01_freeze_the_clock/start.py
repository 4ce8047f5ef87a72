"""Freeze the clock: an app factory that lets a test choose today's date.

Your task (the whole contract is in task.md, or on the lesson page): create_app() always
uses the real date, so no test can check what happens two weeks from now. Let it take a
`today` function instead, and keep the real clock as the default.
"""

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


async def provide_today() -> date:
    return datetime.now(UTC).date()


# TODO: take a `today` parameter (a function returning a date, the real one by default)
# and have the "today" dependency ask it.
def create_app() -> Litestar:
    return Litestar(route_handlers=[show_loan], dependencies={"today": Provide(provide_today)})


app = create_app()  # the real clock
