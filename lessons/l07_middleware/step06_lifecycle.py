"""The request lifecycle: every stage writes its name to a trace."""

# --8<-- [start:app]
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from litestar import Litestar, Request, Response, get
from litestar.connection import ASGIConnection
from litestar.di import NamedDependency, Provide
from litestar.exceptions import HTTPException, NotAuthorizedException
from litestar.handlers import BaseRouteHandler
from litestar.middleware import ASGIMiddleware
from litestar.params import FromQuery
from litestar.types import ASGIApp, Message, Receive, Scope, Send

# Each stage appends its name here; the names are the node ids of the page's diagram.
TRACE: list[str] = []


@asynccontextmanager
async def lifespan(app: Litestar) -> AsyncIterator[None]:
    TRACE.append("startup")
    yield
    TRACE.append("shutdown")


class TracingMiddleware(ASGIMiddleware):
    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        TRACE.append("middleware")

        async def traced_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                TRACE.append("response_sent")
            await send(message)

        await next_app(scope, receive, traced_send)
        TRACE.append("middleware_done")


def guard(connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler) -> None:
    TRACE.append("guard")
    if connection.headers.get("X-Role") == "visitor":
        raise NotAuthorizedException("Visitors may not do this")


async def before_request(request: Request[Any, Any, Any]) -> None:
    TRACE.append("before_request")


async def provide_resource() -> AsyncIterator[str]:
    TRACE.append("dependency")
    try:
        yield "resource"
    finally:
        TRACE.append("dependency_cleanup")


async def after_request(response: Response[Any]) -> Response[Any]:
    TRACE.append("after_request")
    return response


async def after_response(request: Request[Any, Any, Any]) -> None:
    TRACE.append("after_response")


def exception_handler(
    request: Request[Any, Any, Any], exc: Exception
) -> Response[dict[str, object]]:
    TRACE.append("exception_handler")
    # Litestar's own key names, so the 400 its OpenAPI schema documents stays true.
    if isinstance(exc, HTTPException):
        return Response(
            {"status_code": exc.status_code, "detail": exc.detail}, status_code=exc.status_code
        )
    return Response({"status_code": 500, "detail": "Internal Server Error"}, status_code=500)


@get("/work", guards=[guard], dependencies={"resource": Provide(provide_resource)})
async def work(resource: NamedDependency[str], fail: FromQuery[bool] = False) -> dict[str, str]:
    TRACE.append("handler")
    if fail:
        raise RuntimeError("the handler failed")
    return {"used": resource}


app = Litestar(
    route_handlers=[work],
    middleware=[TracingMiddleware()],
    before_request=before_request,
    after_request=after_request,
    after_response=after_response,
    exception_handlers={Exception: exception_handler},
    lifespan=[lifespan],
)
# --8<-- [end:app]
