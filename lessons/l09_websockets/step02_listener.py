"""websocket_listener: receive a typed message, return the reply."""

# --8<-- [start:app]
from typing import Annotated, Any

import msgspec
from litestar import Litestar, WebSocket, websocket_listener
from litestar.exceptions import WebSocketException
from litestar.status_codes import WS_1007_INVALID_FRAME_PAYLOAD_DATA


# --8<-- [start:messages]
class Message(msgspec.Struct, forbid_unknown_fields=True):
    text: Annotated[str, msgspec.Meta(min_length=1, max_length=500)]


class Reply(msgspec.Struct):
    text: str
    words: int


MESSAGE = msgspec.json.Decoder(Message)


def parse_message(raw: str) -> Message:
    """Decode and validate one frame; bad data closes the connection with 1007."""
    try:
        return MESSAGE.decode(raw)
    except msgspec.DecodeError as error:
        raise WebSocketException(
            code=WS_1007_INVALID_FRAME_PAYLOAD_DATA, detail=str(error)
        ) from None


# --8<-- [end:messages]
# --8<-- [start:hooks]
# Who is connected right now: the hooks keep it up to date.
ONLINE: set[WebSocket[Any, Any, Any]] = set()


async def welcome(socket: WebSocket[Any, Any, Any]) -> None:
    ONLINE.add(socket)
    await socket.send_json({"online": len(ONLINE)})


async def forget(socket: WebSocket[Any, Any, Any]) -> None:
    ONLINE.discard(socket)  # runs however the connection ends


# --8<-- [end:hooks]
# --8<-- [start:listener]
# `data: str` takes the frame as it came; parse_message gives it a type.
@websocket_listener("/words", on_accept=welcome, on_disconnect=forget)
async def count_words(data: str) -> Reply:
    message = parse_message(data)
    return Reply(text=message.text, words=len(message.text.split()))  # sent as JSON


# --8<-- [end:listener]
app = Litestar(route_handlers=[count_words])
# --8<-- [end:app]
