"""Orders for a bookshop: 201 with a Location for an order, 200 for a quote.

Your task (the whole contract is in task.md, or on the lesson page):
write POST /orders (201, the stored order, and a Location header that GET can follow),
GET /orders/{order_id} and POST /orders/quote (200, the price; it stores nothing).
"""

from typing import Annotated

import msgspec
from litestar import Litestar

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


# TODO: write the three handlers from the contract and serve them.


app = Litestar(route_handlers=[])
