"""Close without leaking: say why the connection ends, in words meant for the client."""

from typing import Any, cast

from litestar import Litestar, WebSocket, websocket
from litestar.exceptions import NotFoundException, WebSocketDisconnect, WebSocketException
from litestar.status_codes import WS_1003_UNSUPPORTED_DATA, WS_1008_POLICY_VIOLATION

PRICES = {"tea": 4.5, "honey": 7.0, "coffee": 9.25}


async def price_of(code: str) -> float:
    """Look the price up; the detail of the error is written for the server's log."""
    if code not in PRICES:
        raise NotFoundException(f"no row in prices_v3 for {code!r} (replica db-eu-2)")
    return PRICES[code]


async def receive_code(socket: WebSocket[Any, Any, Any]) -> str:
    # The raw event says which kind of frame came: receive_data(mode="text") would turn a
    # binary frame into "", which looks like an (unknown) empty code.
    event = await socket.receive()
    if event["type"] == "websocket.disconnect":
        raise WebSocketDisconnect(detail="client left")
    text = cast("str | None", event.get("text"))
    if text is None:
        raise WebSocketException(code=WS_1003_UNSUPPORTED_DATA, detail="Send text frames")
    return text


@websocket("/prices")
async def prices(socket: WebSocket[Any, Any, Any]) -> None:
    await socket.accept()
    while True:
        try:
            code = await receive_code(socket)
        except WebSocketDisconnect:
            return
        try:
            price = await price_of(code)
        except NotFoundException:
            # Litestar would close with 4500 and the exception's detail as the reason:
            # translate it into a code and words written for the client.
            detail = f"No product {code!r}"
            raise WebSocketException(code=WS_1008_POLICY_VIOLATION, detail=detail) from None
        await socket.send_json({"code": code, "price": price})


app = Litestar(route_handlers=[prices])
