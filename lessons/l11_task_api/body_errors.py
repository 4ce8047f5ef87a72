"""Two kinds of bad body that Litestar 2.25 answers with a 500, turned into 400s."""

# --8<-- [start:body-errors]
from typing import Any

from litestar import Request, Response
from litestar.exceptions import ClientException
from litestar.exceptions.responses import create_exception_response
from litestar.types import ExceptionHandlersMap


def not_utf8(request: Request[Any, Any, Any], exc: UnicodeDecodeError) -> Response[Any]:
    # msgspec raises this, not a decode error, for invalid UTF-8 inside a JSON string.
    return create_exception_response(request, ClientException("The body is not valid UTF-8"))


def too_deep(request: Request[Any, Any, Any], exc: RecursionError) -> Response[Any]:
    # msgspec gives up on JSON nested thousands of levels deep with a RecursionError.
    # Only that one is the client's fault; any other is a bug and stays a 500.
    if "while deserializing" not in str(exc):
        raise exc
    return create_exception_response(request, ClientException("The JSON is nested too deeply"))


BODY_ERRORS: ExceptionHandlersMap = {UnicodeDecodeError: not_utf8, RecursionError: too_deep}
# --8<-- [end:body-errors]
