"""Lifespan: open shared resources at start-up, close them at shutdown."""

# --8<-- [start:app]
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from litestar import Litestar, Request, get


# --8<-- [start:lifespan]
@asynccontextmanager
async def outbound_http_client(app: Litestar) -> AsyncIterator[None]:
    # Start-up: one client, so one connection pool, shared by every request.
    app.state.http_client = httpx.AsyncClient(base_url="https://api.example.com", timeout=5.0)
    try:
        yield  # the app serves requests while this function waits here
    finally:
        # Shutdown: runs even when the server stops because of an error.
        await app.state.http_client.aclose()
        del app.state.http_client


# --8<-- [end:lifespan]


@get("/outbound")
async def outbound(request: Request[Any, Any, Any]) -> dict[str, object]:
    client: httpx.AsyncClient = request.app.state.http_client
    return {
        "base_url": str(client.base_url),
        "timeout": client.timeout.read,
        "open": not client.is_closed,
    }


app = Litestar(route_handlers=[outbound], lifespan=[outbound_http_client])
# --8<-- [end:app]
