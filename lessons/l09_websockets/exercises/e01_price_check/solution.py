"""Ask the price: a WebSocket that answers every product code with its price."""

from typing import Any

from litestar import Litestar, WebSocket, websocket
from litestar.exceptions import WebSocketDisconnect
from litestar.status_codes import WS_1000_NORMAL_CLOSURE

PRICES = {"tea": 4.5, "honey": 7.0, "coffee": 9.25}


@websocket("/prices")
async def prices(socket: WebSocket[Any, Any, Any]) -> None:
    await socket.accept()
    while True:  # one connection, many questions: loop until one side ends it
        try:
            code = await socket.receive_data(mode="text")
        except WebSocketDisconnect:
            return  # the client left; nobody to answer
        if code == "bye":
            await socket.close(code=WS_1000_NORMAL_CLOSURE, reason="bye")
            return
        await socket.send_json({"code": code, "price": PRICES.get(code)})


app = Litestar(route_handlers=[prices])
