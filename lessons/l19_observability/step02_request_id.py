"""A request id in every log line: accepted from a proxy when sane, returned in a header."""

# --8<-- [start:app]
import uuid

import structlog
from litestar import Litestar
from litestar.datastructures import MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.middleware import ASGIMiddleware
from litestar.plugins.structlog import StructlogPlugin
from litestar.types import ASGIApp, Message, Receive, Scope, Send

# Lesson 07's rule for what an incoming id may look like, and step 1's handler and logging.
from lessons.l07_middleware.step01_request_id import VALID_REQUEST_ID
from lessons.l19_observability.step01_json_logs import logging_config, read_task


# --8<-- [start:middleware]
class RequestIdLogging(ASGIMiddleware):
    scopes = (ScopeType.HTTP,)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        # A proxy in front (nginx, a load balancer) may have given the request an id already:
        # keep it when it is sane, so one id follows the request through every service.
        incoming = MutableScopeHeaders(scope).get("x-request-id", "")
        request_id = incoming if VALID_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex

        async def send_with_request_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableScopeHeaders.from_message(message)["X-Request-ID"] = request_id
            await send(message)

        # Bound in a context variable: every line logged while this request runs gets the id,
        # whoever logs it, and the binding ends with the request.
        with structlog.contextvars.bound_contextvars(request_id=request_id):
            await next_app(scope, receive, send_with_request_id)


# --8<-- [end:middleware]

app = Litestar(
    route_handlers=[read_task],
    # The plugin appends its logging middleware after these: this one is outside it, so the
    # access log lines are written with the id already bound.
    middleware=[RequestIdLogging()],
    plugins=[StructlogPlugin(config=logging_config)],
)
# --8<-- [end:app]
