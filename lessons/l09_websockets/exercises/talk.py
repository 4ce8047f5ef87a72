"""What the WebSocket checks of lesson 09 share: a receive that never hangs, and a close."""

import json
import queue
from typing import Any

from litestar.exceptions import WebSocketDisconnect
from litestar.testing import WebSocketTestSession
from litestar.types import WebSocketSendMessage

from lessons.kit import CheckFailed

WAIT = 1.0  # seconds a check waits for a frame: a correct handler answers in milliseconds


def _next(session: WebSocketTestSession, request: str, expected: str) -> WebSocketSendMessage:
    """The next frame the server sends; silence fails the check, a close is raised as is."""
    try:
        return session.receive(timeout=WAIT)
    except queue.Empty:
        raise CheckFailed(
            request=request, expected=expected, received=f"nothing within {WAIT} s"
        ) from None


def receive_json(session: WebSocketTestSession, request: str) -> Any:
    """The next frame, decoded as JSON; a close, silence or non-JSON fails the check."""
    try:
        message = _next(session, request, "a JSON frame")
    except WebSocketDisconnect as closed:
        raise CheckFailed(
            request=request,
            expected="a JSON frame",
            received=f"closed {closed.code}: {closed.detail}",
        ) from None
    text = str(message.get("text") or "")
    try:
        return json.loads(text)
    except ValueError:
        raise CheckFailed(
            request=request, expected="a JSON frame", received=f"text {text!r}"
        ) from None


def closed(session: WebSocketTestSession, request: str) -> WebSocketDisconnect:
    """The close the server sends next; a frame or silence instead fails the check."""
    try:
        message = _next(session, request, "a close frame")
    except WebSocketDisconnect as close:
        return close
    raise CheckFailed(request=request, expected="a close frame", received=f"frame {message}")
