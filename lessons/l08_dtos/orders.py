"""Orders: a model with a nested user, a nested address and a list of line items."""

# --8<-- [start:model]
from dataclasses import dataclass

from litestar.exceptions import NotFoundException

from lessons.l08_dtos.users import USERS, User


@dataclass
class Address:
    street: str
    city: str
    warehouse_code: str  # internal routing code, never shown to customers


@dataclass
class LineItem:
    sku: str
    quantity: int
    unit_cost: float  # what the item cost us: internal


@dataclass
class Order:
    id: int
    customer: User  # a User, password_hash and all
    shipping_address: Address
    items: list[LineItem]
    note: str = ""


# --8<-- [end:model]
ORDERS: dict[int, Order] = {
    1: Order(
        id=1,
        customer=USERS[1],
        shipping_address=Address("1 Main Street", "Springfield", warehouse_code="WH-7"),
        items=[LineItem("BOOK-42", 2, unit_cost=6.5), LineItem("MUG-1", 1, unit_cost=2.0)],
    ),
}


def find_order(order_id: int) -> Order:
    try:
        return ORDERS[order_id]
    except KeyError:
        raise NotFoundException(f"Order {order_id} not found") from None
