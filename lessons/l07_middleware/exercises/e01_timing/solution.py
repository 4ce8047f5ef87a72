"""Time every response: a middleware adds how long the app took, in milliseconds."""

import asyncio
import time

from litestar import Litestar, get
from litestar.datastructures import MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Message, Receive, Scope, Send


class TimingMiddleware(ASGIMiddleware):
    scopes = (ScopeType.HTTP,)
    exclude_opt_key = "skip_timing"  # a handler with opt={"skip_timing": True} is skipped

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        started = time.perf_counter()  # a local: one instance serves every request

        async def send_with_timing(message: Message) -> None:
            # Headers can only change in the message that starts the response; after
            # `await next_app(...)` returns, the response has already gone.
            if message["type"] == "http.response.start":
                elapsed_ms = (time.perf_counter() - started) * 1000
                MutableScopeHeaders.from_message(message)["X-Process-Time-Ms"] = f"{elapsed_ms:.2f}"
            await send(message)

        await next_app(scope, receive, send_with_timing)


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
