"""Ask the price: a WebSocket that answers every product code with its price.

Your task (the whole contract is in task.md, or on the lesson page): complete `prices` so it
accepts the connection, answers each text frame (a product code) with a JSON price, and
closes with 1000 when the client sends "bye".
"""

from typing import Any

from litestar import Litestar, WebSocket, websocket

from lessons.kit import NotDone

PRICES = {"tea": 4.5, "honey": 7.0, "coffee": 9.25}


@websocket("/prices")
async def prices(socket: WebSocket[Any, Any, Any]) -> None:
    # TODO: accept, then for every text frame: "bye" closes with 1000; a known code is
    # answered with {"code": ..., "price": ...}; an unknown one with {"code": ..., "price": null}.
    # When the client goes away (WebSocketDisconnect), return.
    raise NotDone("the price handler does not talk yet")


app = Litestar(route_handlers=[prices])
