"""A request id on every request: in the response header and in every log line; the
access log; a deadline for request bodies; the headers that make browsers strict."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from contextvars import ContextVar
from typing import Any

import anyio
from litestar import Litestar
from litestar.datastructures import MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.exceptions import HTTPException
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Message, Receive, ReceiveMessage, Scope, Send

REQUEST_ID: ContextVar[str] = ContextVar("request_id", default="-")
_VALID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class RequestIDMiddleware(ASGIMiddleware):
    """Reuse a sane incoming X-Request-ID (from a proxy), else make one (lesson 07)."""

    scopes = (ScopeType.HTTP, ScopeType.WEBSOCKET)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        request_id = assign_request_id(scope)
        token = REQUEST_ID.set(request_id)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableScopeHeaders.from_message(message)["X-Request-ID"] = request_id
            await send(message)

        try:
            await next_app(scope, receive, send_with_id)
        finally:
            REQUEST_ID.reset(token)


def assign_request_id(scope: Scope) -> str:
    """The request's id, chosen once: the access log chooses it first, for every request."""
    state = scope.setdefault("state", {})
    if "request_id" not in state:
        incoming = MutableScopeHeaders(scope).get("x-request-id", "")
        # In the request's state: an error raised by middleware further in (auth's 401) is
        # answered outside every middleware, by a handler that reads it from there.
        state["request_id"] = incoming if _VALID.fullmatch(incoming) else uuid.uuid4().hex
    return str(state["request_id"])


# --8<-- [start:access-log]
access_log = logging.getLogger("capstone.access")


def log_every_request(app: Litestar) -> Litestar:
    """One JSON line per request, with its request id, and the path without its query.

    Wrapped around the whole app rather than added as middleware: Litestar runs middleware
    only for a route it found, and a 404 or 405 deserves a line too. Never the query
    string: the event streams take their token there.
    """
    inner = app.asgi_handler

    async def logged(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):  # pragma: no cover - lifespan
            await inner(scope, receive, send)  # goes to Litestar's lifespan handler instead
            return
        started, status = time.perf_counter(), 0
        token = REQUEST_ID.set(assign_request_id(scope))

        async def send_and_note(message: Message) -> None:
            nonlocal status
            await send(message)  # first: a status the client never received is not logged
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "websocket.accept":
                status = 101
            elif message["type"] == "websocket.close" and not status:
                status = 403  # refused before it was accepted

        try:
            await inner(scope, receive, send_and_note)
        except BaseException:
            status = status or 500
            raise
        finally:
            client = scope.get("client") or ("-", 0)
            fields = {
                "method": scope.get("method", "WEBSOCKET"),
                "path": scope["path"],
                "status": status,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "client": client[0],
            }
            access_log.info("%(method)s %(path)s %(status)s", fields, extra={"fields": fields})
            REQUEST_ID.reset(token)

    app.asgi_handler = logged
    return app
    # --8<-- [end:access-log]


class BodyDeadlineMiddleware(ASGIMiddleware):
    """A request body must arrive within `seconds`, or the answer is 408 and the connection
    closes: a client that sends half a body and waits holds nothing for long."""

    scopes = (ScopeType.HTTP,)

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        deadline = anyio.current_time() + self.seconds
        body_done = False

        async def receive_in_time() -> ReceiveMessage:
            nonlocal body_done
            if body_done:  # after the body only a disconnect can come: wait for it freely
                return await receive()
            with anyio.move_on_after(deadline - anyio.current_time()) as waited:
                message = await receive()
            if waited.cancelled_caught:
                raise HTTPException(
                    status_code=408,
                    detail="The request body did not arrive in time",
                    headers={"Connection": "close"},
                )
            body_done = message["type"] != "http.request" or not message.get("more_body")
            return message

        await next_app(scope, receive_in_time, send)


# --8<-- [start:security-headers]
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",  # a JSON body is never run as a script
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",  # no page of ours inside somebody's frame
}
# JSON needs nothing loaded: no scripts, styles, frames or anything else.
API_CSP = "default-src 'none'; frame-ancestors 'none'"
# Swagger UI and ReDoc pages run inline scripts and load their code from CDNs: they
# get the headers above, but no policy that would break them.
DOCS_PATH = "/schema"


def security_headers(path: str) -> dict[str, str]:
    if path == DOCS_PATH or path.startswith(DOCS_PATH + "/"):
        return SECURITY_HEADERS
    return {**SECURITY_HEADERS, "Content-Security-Policy": API_CSP}


class SecurityHeadersMiddleware(ASGIMiddleware):
    """Headers that tell browsers to be strict, on every response a route sends.

    Errors raised before a route runs (an unknown path, auth's 401) are answered outside
    every middleware, by errors.py, which adds the same headers.
    """

    scopes = (ScopeType.HTTP,)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        extra = security_headers(scope["path"])

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableScopeHeaders.from_message(message)
                for name, value in extra.items():
                    headers[name] = value
            await send(message)

        await next_app(scope, receive, send_with_headers)
        # --8<-- [end:security-headers]


# uvicorn logs a WebSocket's path with its query string ("WebSocket /events/ws?token=...").
_TOKEN_IN_QUERY = re.compile(r"([?&]token=)[^&\s\"']+")


def redact(message: str) -> str:
    """The message with any `token=` query value blanked out, whoever logged it."""
    return _TOKEN_IN_QUERY.sub(r"\1[redacted]", message)


class ServerLogFilter(logging.Filter):
    """uvicorn's own loggers, however it was started: no access log, no token in a line.

    `python -m capstone` sets uvicorn's logging itself (capstone/__main__.py); `litestar run`
    and `uvicorn capstone.app:create_app --factory` use uvicorn's defaults, whose access log
    writes every path with its query string, `?token=` included. The app writes its own.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "uvicorn.access":
            return False
        record.msg, record.args = redact(record.getMessage()), None
        return True


def filter_server_logs() -> None:
    """At startup: put ServerLogFilter on the loggers uvicorn writes to."""
    for name in ("uvicorn.access", "uvicorn.error"):
        server_logger = logging.getLogger(name)
        if not any(isinstance(f, ServerLogFilter) for f in server_logger.filters):
            server_logger.addFilter(ServerLogFilter())


class JSONFormatter(logging.Formatter):
    """One JSON object per line: easy to search, and the request id is always there."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
            "request_id": REQUEST_ID.get(),
            **getattr(record, "fields", {}),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry)
