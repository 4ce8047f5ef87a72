"""Count the SQL statements each request sends, and show the count in a response header."""

# --8<-- [start:statements]
from contextvars import ContextVar
from typing import Any

from litestar.datastructures import MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Message, Receive, Scope, Send
from sqlalchemy import event
from sqlalchemy.engine import Engine

# The statements of the request being handled. A context variable, not a global list:
# every request (each its own asyncio task) sees its own list, even when they overlap.
_statements: ContextVar[list[str] | None] = ContextVar("lesson14_statements", default=None)


# Listening on the Engine class hears every engine, async ones included: an AsyncEngine
# drives a sync Engine underneath, and the event fires just before the driver is called.
@event.listens_for(Engine, "before_cursor_execute")
def _remember(_connection: Any, _cursor: Any, statement: str, *_: Any) -> None:
    if (statements := _statements.get()) is not None:
        statements.append(statement)


class CountStatements(ASGIMiddleware):
    """Add `x-sql-statements: N` to every HTTP response: how many statements it took."""

    scopes = (ScopeType.HTTP,)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        statements: list[str] = []
        token = _statements.set(statements)

        async def send_with_count(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableScopeHeaders.from_message(message)["x-sql-statements"] = str(len(statements))
            await send(message)

        try:
            await next_app(scope, receive, send_with_count)
        finally:
            _statements.reset(token)


# --8<-- [end:statements]
