"""One error shape for every rejected request."""

# --8<-- [start:app]
from typing import Any

from litestar import Litestar, Request, Response
from litestar.exceptions import HTTPException
from litestar.status_codes import HTTP_400_BAD_REQUEST

from lessons.l04_request_bodies.step02_msgspec import create_book, list_books


# --8<-- [start:handler]
def bad_request(request: Request[Any, Any, Any], exc: HTTPException) -> Response[dict[str, Any]]:
    """Answer every 400 as {"error": ..., "problems": [{"field": ..., "message": ...}]}."""
    # A validation failure lists its problems in `extra`; malformed JSON has only `detail`.
    found = exc.extra if isinstance(exc.extra, list) else [{"message": exc.detail}]
    problems = [
        {"field": _field(problem.get("key")), "message": _message(problem["message"])}
        for problem in found
    ]
    return Response({"error": "invalid_request", "problems": problems}, status_code=400)


def _field(key: str | None) -> str | None:
    # `data` is the whole body (a missing field, an unknown field, the wrong JSON type).
    return None if key in {None, "data"} else key


def _message(message: str) -> str:
    # Litestar 2.25 reports an empty body as the bare key name "'data'"; say what it means.
    return "The request body is empty" if message == "'data'" else message


# --8<-- [end:handler]
# Keyed by status code, it catches ValidationException and the plain 400 for malformed JSON.
app = Litestar(
    route_handlers=[create_book, list_books],
    exception_handlers={HTTP_400_BAD_REQUEST: bad_request},
)
# --8<-- [end:app]
