"""Close codes: every rejected frame ends the connection with a code and a reason."""

# --8<-- [start:app]
from contextlib import AsyncExitStack
from typing import Any, cast

from litestar import Litestar, WebSocket, websocket
from litestar.channels import ChannelsPlugin
from litestar.channels.backends.memory import MemoryChannelsBackend
from litestar.di import NamedDependency
from litestar.exceptions import WebSocketDisconnect, WebSocketException
from litestar.params import FromPath, FromQuery
from litestar.status_codes import (
    WS_1003_UNSUPPORTED_DATA,
    WS_1008_POLICY_VIOLATION,
    WS_1009_MESSAGE_TOO_BIG,
)

from lessons.l09_websockets.step02_listener import parse_message

ROOMS = ("lobby", "help")
MAX_FRAME = 2_000  # characters; a message's text is limited to 500 anyway


# --8<-- [start:receive]
async def receive_text_frame(socket: WebSocket[Any, Any, Any]) -> str:
    """The next text frame; anything else closes the connection with a reason."""
    event = await socket.receive()
    if event["type"] == "websocket.disconnect":
        raise WebSocketDisconnect(detail="client left")
    # receive_data(mode="text") would turn a binary frame into "": look for yourself.
    text = cast("str | None", event.get("text"))
    if text is None:
        raise WebSocketException(code=WS_1003_UNSUPPORTED_DATA, detail="Send text frames")
    if len(text) > MAX_FRAME:
        detail = f"Frames are limited to {MAX_FRAME} characters"
        raise WebSocketException(code=WS_1009_MESSAGE_TOO_BIG, detail=detail)
    return text


# --8<-- [end:receive]
# --8<-- [start:handler]
@websocket("/rooms/{room:str}")
async def chat(
    socket: WebSocket[Any, Any, Any],
    room: FromPath[str],
    name: FromQuery[str],
    channels: NamedDependency[ChannelsPlugin],
) -> None:
    await socket.accept()
    if room not in ROOMS:  # 1008: the request breaks this server's rules
        await socket.close(code=WS_1008_POLICY_VIOLATION, reason=f"No room {room!r}")
        return
    async with AsyncExitStack() as on_exit:
        on_exit.callback(channels.publish, {"event": "left", "name": name}, room)
        async with (
            channels.start_subscription(room) as subscriber,
            subscriber.run_in_background(socket.send_text, join=False),
        ):
            channels.publish({"event": "joined", "name": name}, room)
            while True:
                try:
                    raw = await receive_text_frame(socket)
                except WebSocketDisconnect:
                    break  # the client left
                message = parse_message(raw)
                channels.publish({"from": name, "text": message.text}, room)


# --8<-- [end:handler]
app = Litestar(
    route_handlers=[chat],
    plugins=[ChannelsPlugin(backend=MemoryChannelsBackend(), channels=ROOMS)],
)
# --8<-- [end:app]
