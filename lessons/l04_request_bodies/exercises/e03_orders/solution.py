"""Orders for a bookshop: 201 with a Location for an order, 200 for a quote."""

from typing import Annotated

import msgspec
from litestar import Litestar, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, JSONBody

PRICE = 12.5  # every book costs the same in this shop


class OrderRequest(msgspec.Struct, forbid_unknown_fields=True):
    book_id: int
    quantity: Annotated[int, msgspec.Meta(ge=1, le=10)]


class Order(msgspec.Struct):
    id: int
    book_id: int
    quantity: int


class Quote(msgspec.Struct):
    total: float


ORDERS: dict[int, Order] = {}


@post("/orders")
async def place_order(data: JSONBody[OrderRequest]) -> Response[Order]:
    order = Order(id=max(ORDERS, default=0) + 1, book_id=data.book_id, quantity=data.quantity)
    ORDERS[order.id] = order
    # A Response sets headers: Location says where the new order can be read back.
    return Response(order, status_code=201, headers={"Location": f"/orders/{order.id}"})


@get("/orders/{order_id:int}")
async def get_order(order_id: FromPath[int]) -> Order:
    if order_id not in ORDERS:
        raise NotFoundException(f"Order {order_id} not found")
    return ORDERS[order_id]


# A quote creates nothing, so it must not say 201 Created, the POST default.
@post("/orders/quote", status_code=200)
async def quote(data: JSONBody[OrderRequest]) -> Quote:
    return Quote(total=data.quantity * PRICE)


app = Litestar(route_handlers=[place_order, get_order, quote])
