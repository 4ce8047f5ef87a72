"""One error shape for every rejected request."""

# --8<-- [start:app]
from typing import Any

import msgspec
from litestar import Litestar, Request, Response, post
from litestar.exceptions import HTTPException
from litestar.openapi import ResponseSpec
from litestar.params import JSONBody
from litestar.status_codes import HTTP_400_BAD_REQUEST

from lessons.l04_request_bodies.step02_msgspec import BOOKS, Book, list_books


# --8<-- [start:handler]
class Problem(msgspec.Struct):
    field: str | None
    message: str


class BadRequest(msgspec.Struct):
    error: str
    problems: list[Problem]


def bad_request(request: Request[Any, Any, Any], exc: HTTPException) -> Response[BadRequest]:
    """Answer every 400 as {"error": ..., "problems": [{"field": ..., "message": ...}]}."""
    # A validation failure lists its problems in `extra`; malformed JSON has only `detail`.
    found = exc.extra if isinstance(exc.extra, list) else [{"message": exc.detail}]
    problems = [
        Problem(field=_field(problem.get("key")), message=_message(problem["message"]))
        for problem in found
    ]
    return Response(BadRequest(error="invalid_request", problems=problems), status_code=400)


def _field(key: str | None) -> str | None:
    # `data` is the whole body (a missing field, an unknown field, the wrong JSON type).
    return None if key in {None, "data"} else key


def _message(message: str) -> str:
    # Litestar 2.25 reports an empty body as the bare key name "'data'"; say what it means.
    return "The request body is empty" if message == "'data'" else message


# --8<-- [end:handler]


# --8<-- [start:documented]
# The exception handler changes what a 400 looks like, not what the schema says: without
# `responses`, /schema would still promise Litestar's {"status_code", "detail", "extra"}.
@post(
    "/books",
    responses={
        400: ResponseSpec(BadRequest, generate_examples=False, description="Invalid request")
    },
)
async def create_book(data: JSONBody[Book]) -> Book:
    BOOKS.append(data)
    return data


# --8<-- [end:documented]
# Keyed by status code, it catches ValidationException and the plain 400 for malformed JSON.
app = Litestar(
    route_handlers=[create_book, list_books],
    exception_handlers={HTTP_400_BAD_REQUEST: bad_request},
)
# --8<-- [end:app]
