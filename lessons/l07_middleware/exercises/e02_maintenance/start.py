"""Closed for stocktaking: refuse orders with a 503 while the shop counts its stock.

Your task (the whole contract is in task.md, or on the lesson page): while stocktaking is on,
every write except the switch itself must be answered with 503 and `Retry-After: 600`, and
the handler must not run. Reads and the switch keep working.
"""

from typing import Any

from litestar import Litestar, Request, get, post, put
from litestar.datastructures import State
from litestar.params import JSONBody

ORDERS: list[str] = []


async def refuse_during_stocktaking(request: Request[Any, Any, Any]) -> dict[str, str] | None:
    # TODO: this looks like it answers the request. Does it? And may the switch below
    # still be used while stocktaking is on?
    if request.app.state.stocktaking and request.method != "GET":
        return {"detail": "Closed for stocktaking"}
    return None


@get("/orders")
async def list_orders() -> list[str]:
    return ORDERS


@post("/orders")
async def place_order(data: JSONBody[str]) -> dict[str, str]:
    ORDERS.append(data)
    return {"ordered": data}


@put("/admin/stocktaking")
async def switch_stocktaking(
    request: Request[Any, Any, Any], data: JSONBody[bool]
) -> dict[str, bool]:
    request.app.state.stocktaking = data
    return {"stocktaking": data}


app = Litestar(
    route_handlers=[list_orders, place_order, switch_stocktaking],
    state=State({"stocktaking": False}),
    before_request=refuse_during_stocktaking,
)
