"""A middleware of your own: a request id on every response."""

# --8<-- [start:app]
import re
import uuid
from typing import Any

from litestar import Litestar, Request, get
from litestar.datastructures import MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Message, Receive, Scope, Send

# --8<-- [start:middleware]
# What we accept from a client: short, and only characters that are safe to log
# and to echo in a header. Anything else is replaced, never repeated back.
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class RequestIDMiddleware(ASGIMiddleware):
    scopes = (ScopeType.HTTP,)  # plain HTTP only: not websockets, not lifespan
    exclude_opt_key = (
        "skip_request_id"  # a handler with opt={"skip_request_id": True} is left alone
    )

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        incoming = MutableScopeHeaders(scope).get("x-request-id", "")
        request_id = incoming if VALID_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        # scope["state"] is what handlers read as request.state.
        scope.setdefault("state", {})["request_id"] = request_id

        async def send_with_request_id(message: Message) -> None:
            # Headers can only change in the message that starts the response.
            if message["type"] == "http.response.start":
                MutableScopeHeaders.from_message(message)["X-Request-ID"] = request_id
            await send(message)

        await next_app(scope, receive, send_with_request_id)


# --8<-- [end:middleware]


@get("/orders")
async def list_orders(request: Request[Any, Any, Any]) -> dict[str, object]:
    return {"orders": [], "request_id": request.state.request_id}


@get("/health", opt={"skip_request_id": True})
async def health() -> dict[str, str]:
    return {"status": "ok"}


# One instance, created once: keep per-request values inside handle(), never on self.
app = Litestar(route_handlers=[list_orders, health], middleware=[RequestIDMiddleware()])
# --8<-- [end:app]
