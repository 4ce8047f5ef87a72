"""Close without leaking: say why the connection ends, in words meant for the client.

Your task (the whole contract is in task.md, or on the lesson page): an unknown product code
must close the connection with 1008 and a reason that reveals nothing about the database,
and a binary frame must close it with 1003. Known codes are answered as before.
"""

from typing import Any

from litestar import Litestar, WebSocket, websocket
from litestar.exceptions import NotFoundException, WebSocketDisconnect

PRICES = {"tea": 4.5, "honey": 7.0, "coffee": 9.25}


async def price_of(code: str) -> float:
    """Look the price up; the detail of the error is written for the server's log."""
    if code not in PRICES:
        raise NotFoundException(f"no row in prices_v3 for {code!r} (replica db-eu-2)")
    return PRICES[code]


@websocket("/prices")
async def prices(socket: WebSocket[Any, Any, Any]) -> None:
    await socket.accept()
    while True:
        try:
            # TODO: a binary frame arrives here as "": tell it apart from text.
            code = await socket.receive_data(mode="text")
        except WebSocketDisconnect:
            return
        # TODO: an unknown code raises NotFoundException here. What does the client see?
        await socket.send_json({"code": code, "price": await price_of(code)})


app = Litestar(route_handlers=[prices])
