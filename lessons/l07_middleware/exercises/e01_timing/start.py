"""Time every response: a middleware adds how long the app took, in milliseconds.

Your task (the whole contract is in task.md, or on the lesson page): complete the middleware
so every response carries `X-Process-Time-Ms`, the milliseconds from the request reaching
the middleware to the response starting, and `/health` (opt skip_timing) is left alone.
"""

import asyncio

from litestar import Litestar, get
from litestar.enums import ScopeType
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Receive, Scope, Send

from lessons.kit import NotDone


class TimingMiddleware(ASGIMiddleware):
    scopes = (ScopeType.HTTP,)
    # TODO: let a handler opt out with opt={"skip_timing": True}.

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        # TODO: note the time, pass the request on with a `send` that adds the header to
        # the message that starts the response.
        raise NotDone("the timing middleware does not time anything yet")


@get("/orders")
async def list_orders() -> list[dict[str, object]]:
    return [{"id": 1, "item": "tea"}]


@get("/report")
async def slow_report() -> dict[str, str]:
    await asyncio.sleep(0.05)  # 50 ms of "work"
    return {"report": "ready"}


@get("/health", opt={"skip_timing": True})
async def health() -> dict[str, str]:
    return {"status": "ok"}


app = Litestar(route_handlers=[list_orders, slow_report, health], middleware=[TimingMiddleware()])
