"""Around every request: its id (in the response header and in every log line), the headers
that make browsers strict, the access log; and a deadline for request bodies."""

from __future__ import annotations

import logging
import os
import random
import re
import time
from contextvars import ContextVar
from typing import Any

import anyio
import msgspec
from litestar import Litestar
from litestar.datastructures import MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.exceptions import HTTPException
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Message, Receive, ReceiveMessage, Scope, Send

REQUEST_ID: ContextVar[str] = ContextVar("request_id", default="-")
_VALID = re.compile(r"[A-Za-z0-9._-]{1,64}")


# Its own generator: code that seeds the `random` module (a test, a library) cannot make two
# processes hand out the same ids. Seeded from the system now and again in a forked worker.
_IDS = random.Random()  # noqa: S311 - an identifier, not a secret
if hasattr(os, "register_at_fork"):  # pragma: no branch - not on Windows
    os.register_at_fork(after_in_child=_IDS.seed)


def new_request_id() -> str:
    """32 random hex digits, as uuid4().hex, without its system call for fresh entropy.

    An id only has to differ from the others, not be unguessable, so a seeded generator is
    enough, and cheaper on every request.
    """
    return f"{_IDS.getrandbits(128):032x}"


def assign_request_id(scope: Scope) -> str:
    """The request's id, chosen once: a sane incoming X-Request-ID (from a proxy), or a new one."""
    state = scope.setdefault("state", {})
    if "request_id" not in state:
        incoming = MutableScopeHeaders(scope).get("x-request-id", "")
        # In the request's state, where any code of the request can read it.
        state["request_id"] = incoming if _VALID.fullmatch(incoming) else new_request_id()
    return str(state["request_id"])


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


def _encoded(headers: dict[str, str]) -> list[tuple[bytes, bytes]]:
    return [(name.lower().encode(), value.encode()) for name, value in headers.items()]


# Encoded once: every response gets one of these two lists.
_DOCS_HEADERS = _encoded(security_headers(DOCS_PATH))
_API_HEADERS = _encoded(security_headers("/"))
# --8<-- [end:security-headers]


# --8<-- [start:access-log]
access_log = logging.getLogger("capstone.access")


def around_every_request(app: Litestar) -> Litestar:
    """What every request gets, whether a route matched it or not: a request id (in the
    X-Request-ID header and every log line), the strict headers, and one JSON access-log
    line with the path but never the query (the event streams take their token there).

    Wrapped around the whole app rather than added as middleware: Litestar runs middleware
    only for a route it found, so a 404 or 405 would miss all three (lesson 07). And one
    wrapper instead of three middleware: each layer costs every request a little.
    """
    inner = app.asgi_handler

    async def handled(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):  # pragma: no cover - lifespan
            await inner(scope, receive, send)  # goes to Litestar's lifespan handler instead
            return
        started, status = time.perf_counter(), 0
        request_id = assign_request_id(scope)
        token = REQUEST_ID.set(request_id)
        path = scope["path"]
        docs = path == DOCS_PATH or path.startswith(DOCS_PATH + "/")
        added = [*(_DOCS_HEADERS if docs else _API_HEADERS), (b"x-request-id", request_id.encode())]

        async def send_marked(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                # Nothing else sets these headers, so they are added, not looked for.
                message["headers"] = [*message.get("headers", ()), *added]
            await send(message)  # first: a status the client never received is not logged
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "websocket.accept":
                status = 101
            elif message["type"] == "websocket.close" and not status:
                status = 403  # refused before it was accepted

        try:
            await inner(scope, receive, send_marked)
        except BaseException:
            status = status or 500
            raise
        finally:
            client = scope.get("client") or ("-", 0)
            fields = {
                "method": scope.get("method", "WEBSOCKET"),
                "path": path,
                "status": status,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "client": client[0],
            }
            access_log.info("%(method)s %(path)s %(status)s", fields, extra={"fields": fields})
            REQUEST_ID.reset(token)

    app.asgi_handler = handled
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


_JSON = msgspec.json.Encoder()


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
        return _JSON.encode(entry).decode()  # msgspec: a few times faster than json.dumps
