"""A tiny HTTP/1.1 server that answers every request with the same 200, for the load loops."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

ANSWER = b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok"


async def _answer_each_request(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    # The loops send GETs without a body: one head is one request.
    with contextlib.suppress(asyncio.IncompleteReadError, ConnectionError):
        while True:
            await reader.readuntil(b"\r\n\r\n")
            writer.write(ANSWER)
            await writer.drain()
    writer.close()


@contextlib.asynccontextmanager
async def canned_server() -> AsyncIterator[int]:
    """Serve on a free loopback port until the block ends; yield the port."""
    server = await asyncio.start_server(_answer_each_request, "127.0.0.1", 0)
    async with server:
        yield server.sockets[0].getsockname()[1]
