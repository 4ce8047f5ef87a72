"""A request id on every request: in the response header and in every log line."""

from __future__ import annotations

import json
import logging
import re
import uuid
from contextvars import ContextVar
from typing import Any, cast

from litestar.datastructures import MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID: ContextVar[str] = ContextVar("request_id", default="-")
_VALID = re.compile(r"[A-Za-z0-9._-]{1,64}")


def request_id_of(scope: Scope) -> str:
    """The request's id, kept in its state: a sane incoming X-Request-ID, else a new one.

    Errors are answered outside every middleware (errors.py), so they read it from here
    too; for a request no route matched, no middleware ran, and the id is made here.
    """
    state = scope.setdefault("state", {})
    if "request_id" not in state:
        incoming = MutableScopeHeaders(scope).get("x-request-id", "")
        state["request_id"] = incoming if _VALID.fullmatch(incoming) else uuid.uuid4().hex
    return cast("str", state["request_id"])


class RequestIDMiddleware(ASGIMiddleware):
    """Reuse a sane incoming X-Request-ID (from a proxy), else make one (lesson 06)."""

    scopes = (ScopeType.HTTP, ScopeType.WEBSOCKET)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        request_id = request_id_of(scope)
        token = REQUEST_ID.set(request_id)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableScopeHeaders.from_message(message)["X-Request-ID"] = request_id
            await send(message)

        try:
            await next_app(scope, receive, send_with_id)
        finally:
            REQUEST_ID.reset(token)


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


class JSONFormatter(logging.Formatter):
    """One JSON object per line: easy to search, and the request id is always there."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": REQUEST_ID.get(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry)
