"""Record what WebSocket clients send and receive, for asserts and for transcripts.

Lines read ``> sent``, ``< received`` and, when the server closes the connection, a
multiplication sign then ``closed CODE: reason``. With several clients, each line starts
with the client's name, in the order things really happened.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from litestar.exceptions import WebSocketDisconnect
from litestar.testing import WebSocketTestSession

SERVER = "ws://127.0.0.1:8000"


class Conversation:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def client(self, session: WebSocketTestSession, name: str = "") -> Client:
        """Follow one connection, and note its address as the client would type it."""
        prefix = f"{name} " if name else ""
        query = session.scope["query_string"].decode()
        url = f"{SERVER}{session.scope['path']}" + (f"?{query}" if query else "")
        self.lines.append(f"{prefix}connected to {url}")
        return Client(self, session, prefix)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


class Client:
    def __init__(self, conversation: Conversation, session: WebSocketTestSession, prefix: str):
        self._log = conversation.lines
        self._session = session
        self._prefix = prefix

    def send(self, text: str) -> None:
        self._session.send_text(text)
        self._log.append(f"{self._prefix}> {text}")

    def send_bytes(self, data: bytes) -> None:
        self._session.send_bytes(data)
        self._log.append(f"{self._prefix}> (binary) {data.hex()}")

    def receive(self) -> str:
        text = self._session.receive_text()
        self._log.append(f"{self._prefix}< {text}")
        return text

    def receive_json(self) -> Any:
        return json.loads(self.receive())

    def closed(self) -> WebSocketDisconnect:
        """Expect the server to close the connection; return the close it sent."""
        with pytest.raises(WebSocketDisconnect) as info:
            self._session.receive()
        line = f"× closed {info.value.code}: {info.value.detail}"  # noqa: RUF001
        self._log.append(self._prefix + line)
        return info.value
