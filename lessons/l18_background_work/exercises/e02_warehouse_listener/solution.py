"""Tell the warehouse: one more listener for an event the shop already emits."""

from dataclasses import dataclass
from typing import Any

from litestar import Litestar, Request, post
from litestar.events import listener
from litestar.params import JSONBody

EMAILS: list[int] = []  # orders whose customer was emailed
WAREHOUSE: list[int] = []  # orders the warehouse has been told about
STOCK = {"kettle", "teapot"}


@dataclass
class Order:
    id: int
    email: str
    item: str


def send_to_warehouse(order: Order) -> None:
    """The warehouse's client, already written: it refuses items it does not stock."""
    if order.item not in STOCK:
        raise LookupError(f"the warehouse does not stock {order.item!r}")
    WAREHOUSE.append(order.id)


@listener("order_placed")
async def email_customer(order: Order) -> None:
    EMAILS.append(order.id)


# Its own listener: the handler does not change, and when the warehouse refuses an
# order, Litestar logs the error and the other listeners carry on.
@listener("order_placed")
async def notify_warehouse(order: Order) -> None:
    send_to_warehouse(order)


@post("/orders")
async def place_order(request: Request[Any, Any, Any], data: JSONBody[Order]) -> Order:
    request.app.emit("order_placed", order=data)
    return data


app = Litestar(route_handlers=[place_order], listeners=[email_customer, notify_warehouse])
