"""Errors as RFC 9457 problem details, with Litestar's plugin."""

# --8<-- [start:app]
from http import HTTPStatus

import msgspec
from litestar import Litestar, post
from litestar.exceptions import HTTPException, NotFoundException
from litestar.openapi import ResponseSpec
from litestar.params import JSONBody
from litestar.plugins.problem_details import (
    ProblemDetailsConfig,
    ProblemDetailsException,
    ProblemDetailsPlugin,
)

from lessons.l05_responses.library import BOOKS

ON_LOAN = {3: "2026-12-15"}  # book id -> the day it is due back


class LoanRequest(msgspec.Struct):
    book_id: int


# --8<-- [start:shape]
class Problem(msgspec.Struct, omit_defaults=True):
    """What /schema shows for an error: RFC 9457's members, and our one extension."""

    status: int
    title: str
    detail: str
    type: str = "about:blank"
    instance: str | None = None
    due_back: str | None = None
    extra: list[dict[str, str]] | None = None  # what was wrong with a rejected request


PROBLEM = ResponseSpec(Problem, media_type="application/problem+json", generate_examples=False)
# --8<-- [end:shape]


# --8<-- [start:raise]
@post("/loans", responses={400: PROBLEM, 404: PROBLEM, 409: PROBLEM})
async def borrow(data: JSONBody[LoanRequest]) -> dict[str, int]:
    if data.book_id not in BOOKS:
        raise NotFoundException(f"Book {data.book_id} not found")
    if data.book_id in ON_LOAN:
        raise ProblemDetailsException(
            status_code=409,
            type_="/problems/on-loan",  # a URI naming the kind of problem; clients branch on it
            title="The book is on loan",  # the same for every problem of this type
            detail=f"Book {data.book_id} is due back on {ON_LOAN[data.book_id]}.",
            instance=f"/books/{data.book_id}",
            extra={"due_back": ON_LOAN[data.book_id]},  # extension members, at the top level
        )
    return {"book": data.book_id}


# --8<-- [end:raise]
# --8<-- [start:plugin]
def as_problem(exc: HTTPException) -> ProblemDetailsException:
    # Every other HTTPException (404, 405, a 400 for a bad body) becomes a problem too.
    # The title is the status's name, the same for every problem of its kind; the message
    # goes in `detail`. (enable_for_all_http_exceptions=True would put it in `title`.)
    return ProblemDetailsException(
        status_code=exc.status_code,
        title=HTTPStatus(exc.status_code).phrase,
        detail=exc.detail,
        extra=exc.extra,
        headers=exc.headers,
    )


problem_details = ProblemDetailsConfig(exception_to_problem_detail_map={HTTPException: as_problem})
app = Litestar(route_handlers=[borrow], plugins=[ProblemDetailsPlugin(problem_details)])
# --8<-- [end:plugin]
# --8<-- [end:app]
