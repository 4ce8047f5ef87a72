"""A low-level @websocket handler: accept, receive, send and close."""

# --8<-- [start:app]
from typing import Any

import msgspec
from litestar import Litestar, WebSocket, websocket
from litestar.exceptions import WebSocketDisconnect
from litestar.status_codes import WS_1000_NORMAL_CLOSURE, WS_1007_INVALID_FRAME_PAYLOAD_DATA


# --8<-- [start:shout]
# The parameter must be called `socket`: Litestar finds the connection by name.
@websocket("/shout")
async def shout(socket: WebSocket[Any, Any, Any]) -> None:
    await socket.accept()
    while True:
        try:
            # `mode` has no default: say whether you expect text or binary frames.
            text = await socket.receive_data(mode="text")
        except WebSocketDisconnect:
            return  # the client went away; there is nobody left to answer
        if text == "bye":
            await socket.close(code=WS_1000_NORMAL_CLOSURE, reason="goodbye")
            return
        await socket.send_text(text.upper())


# --8<-- [end:shout]
# --8<-- [start:total]
# A decoder checks the shape as it parses: a list of numbers, nothing else.
NUMBERS = msgspec.json.Decoder(list[float])


@websocket("/total")
async def total(socket: WebSocket[Any, Any, Any]) -> None:
    await socket.accept()
    text = await socket.receive_data(mode="text")
    try:
        numbers = NUMBERS.decode(text)
    except msgspec.DecodeError as error:  # malformed JSON or the wrong shape
        # 1007 means "the payload was not what this endpoint accepts".
        await socket.close(code=WS_1007_INVALID_FRAME_PAYLOAD_DATA, reason=str(error))
        return
    await socket.send_json({"count": len(numbers), "total": sum(numbers)})
    await socket.close(code=WS_1000_NORMAL_CLOSURE, reason="done")


# --8<-- [end:total]
app = Litestar(route_handlers=[shout, total])
# --8<-- [end:app]
