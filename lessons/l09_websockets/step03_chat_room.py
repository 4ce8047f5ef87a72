"""A chat room: the channels plugin sends every message to everyone in the room."""

# --8<-- [start:app]
from contextlib import AsyncExitStack
from typing import Any

from litestar import Litestar, WebSocket, websocket
from litestar.channels import ChannelsPlugin
from litestar.channels.backends.memory import MemoryChannelsBackend
from litestar.di import NamedDependency
from litestar.exceptions import WebSocketDisconnect
from litestar.params import FromPath, FromQuery

from lessons.l09_websockets.step02_listener import parse_message


# --8<-- [start:handler]
@websocket("/rooms/{room:str}")
async def chat(
    socket: WebSocket[Any, Any, Any],
    room: FromPath[str],
    name: FromQuery[str],
    channels: NamedDependency[ChannelsPlugin],  # the plugin provides itself as `channels`
) -> None:
    await socket.accept()
    async with AsyncExitStack() as on_exit:
        # Registered first, so it runs last: however the client leaves, it is
        # unsubscribed by then, and the others hear that it left.
        on_exit.callback(channels.publish, {"event": "left", "name": name}, room)
        # A background task forwards everything published to the room to this
        # client, while this coroutine waits for what the client says.
        async with (
            channels.start_subscription(room) as subscriber,
            subscriber.run_in_background(socket.send_text, join=False),
        ):
            channels.publish({"event": "joined", "name": name}, room)
            while True:
                try:
                    raw = await socket.receive_data(mode="text")
                except WebSocketDisconnect:
                    break  # the client left
                message = parse_message(raw)  # bad data: 1007, for this client only
                channels.publish({"from": name, "text": message.text}, room)


# --8<-- [end:handler]
# --8<-- [start:plugin]
# The memory backend lives in this process. With several workers, use the Redis
# or Postgres backend instead, so every process sees every message.
channels_plugin = ChannelsPlugin(backend=MemoryChannelsBackend(), arbitrary_channels_allowed=True)

app = Litestar(route_handlers=[chat], plugins=[channels_plugin])
# --8<-- [end:plugin]
# --8<-- [end:app]
