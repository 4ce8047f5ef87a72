"""Closed for stocktaking: refuse orders with a 503 while the shop counts its stock."""

from typing import Any

from litestar import Litestar, Request, Response, get, post, put
from litestar.datastructures import State
from litestar.params import JSONBody

ORDERS: list[str] = []


async def refuse_during_stocktaking(
    request: Request[Any, Any, Any],
) -> Response[dict[str, str]] | None:
    writing = request.method != "GET"
    exempt = request.route_handler.opt.get("open_during_stocktaking", False)
    if request.app.state.stocktaking and writing and not exempt:
        # A Response answers the request with its own status and headers. A plain dict
        # would be sent as the handler's own answer: a 201, as if the order had been placed.
        return Response(
            {"detail": "Closed for stocktaking"}, status_code=503, headers={"Retry-After": "600"}
        )
    return None


@get("/orders")
async def list_orders() -> list[str]:
    return ORDERS


@post("/orders")
async def place_order(data: JSONBody[str]) -> dict[str, str]:
    ORDERS.append(data)
    return {"ordered": data}


# The switch must work while stocktaking is on, or nobody could switch it off again.
@put("/admin/stocktaking", opt={"open_during_stocktaking": True})
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
