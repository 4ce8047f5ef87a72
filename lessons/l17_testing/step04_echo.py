"""A WebSocket echo: a greeting, every text frame sent back, and "bye" to hang up."""

# --8<-- [start:app]
from typing import Any

from litestar import Litestar, WebSocket, websocket
from litestar.status_codes import WS_1000_NORMAL_CLOSURE


@websocket("/echo")
async def echo(socket: WebSocket[Any, Any, Any]) -> None:
    await socket.accept()
    await socket.send_text("connected")
    # iter_data ends by itself when the client goes away.
    async for message in socket.iter_data(mode="text"):
        if message == "bye":
            await socket.close(code=WS_1000_NORMAL_CLOSURE, reason="goodbye")
            return
        await socket.send_text(f"echo: {message}")


app = Litestar(route_handlers=[echo])
# --8<-- [end:app]
