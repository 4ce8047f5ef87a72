"""Call an app as an ASGI server does, and see what had happened when each message went out.

`TestClient` answers only once the app has returned, background tasks included, so it cannot
tell "after the response" from "before it". A server sends each message as the app sends it.
"""

import asyncio
import json
from collections.abc import Callable
from typing import Any, cast

from litestar import Litestar
from litestar.types import Message, Receive, Scope, Send


async def serve_one(
    app: Litestar, method: str, path: str, body: object, watch: Callable[[], object]
) -> list[tuple[str, object]]:
    """Send one JSON request; for every message the app sends, its type and `watch()` then."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1:8000"), (b"content-type", b"application/json")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    request = {"type": "http.request", "body": json.dumps(body).encode(), "more_body": False}
    sent: list[tuple[str, object]] = []

    async def receive() -> dict[str, Any]:
        return request

    async def send(message: Message) -> None:
        sent.append((message["type"], watch()))

    await app(cast(Scope, scope), cast(Receive, receive), cast(Send, send))
    return sent


def served(
    app: Litestar, method: str, path: str, body: object, watch: Callable[[], object]
) -> list[tuple[str, object]]:
    """`serve_one` in an event loop of its own."""
    return asyncio.run(serve_one(app, method, path, body, watch))
