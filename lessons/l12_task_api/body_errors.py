"""Two kinds of bad JSON body that Litestar 2.25 answers with a 500, answered with a 400."""

# --8<-- [start:body-errors]
from typing import Any

from litestar import Request
from litestar.exceptions import ClientException


class TaskRequest(Request[Any, Any, Any]):
    """A request whose JSON body is the client's problem when it cannot be decoded.

    Litestar turns malformed JSON into a 400, but msgspec raises two other errors while it
    decodes a body: ``UnicodeDecodeError`` for invalid UTF-8 inside a string, and
    ``RecursionError`` for JSON nested thousands of levels deep. Both reach Litestar as
    server errors. Caught here, around the decoding of the body and nowhere else, they can
    only mean the client sent them; the same errors raised by a bug anywhere else in the
    app stay what they are, a 500.
    """

    async def json(self) -> Any:
        try:
            return await super().json()
        except UnicodeDecodeError:
            raise ClientException("The body is not valid UTF-8") from None
        except RecursionError:
            raise ClientException("The JSON is nested too deeply") from None


# --8<-- [end:body-errors]
