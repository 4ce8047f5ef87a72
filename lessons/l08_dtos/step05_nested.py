"""Nested fields: excluding inside nested models and lists, and patching them safely."""

# --8<-- [start:app]
from dataclasses import replace

from litestar import Litestar, get, patch
from litestar.dto import DataclassDTO, DTOConfig, DTOData
from litestar.params import FromPath, JSONBody

from lessons.l08_dtos.orders import Order, find_order


# --8<-- [start:dtos]
class OrderReadDTO(DataclassDTO[Order]):
    config = DTOConfig(
        exclude={
            "customer.password_hash",  # a dot reaches into a nested model
            "customer.email",
            "shipping_address.warehouse_code",
            "items.0.unit_cost",  # `0` stands for every item of the list
        }
    )


class OrderUpdateDTO(DataclassDTO[Order]):
    # A client may change the note and the address (not its warehouse code).
    config = DTOConfig(
        include={"note", "shipping_address.street", "shipping_address.city"},
        partial=True,
    )


# --8<-- [end:dtos]


@get("/orders/{order_id:int}", return_dto=OrderReadDTO)
async def get_order(order_id: FromPath[int]) -> Order:
    return find_order(order_id)


# --8<-- [start:patch]
@patch("/orders/{order_id:int}", dto=OrderUpdateDTO, return_dto=OrderReadDTO)
async def update_order(order_id: FromPath[int], data: JSONBody[DTOData[Order]]) -> Order:
    order = find_order(order_id)
    # update_instance would put the nested part in as a plain dict, dropping
    # the fields the client did not send. Merge it into the Address ourselves.
    address_changes = data.as_builtins().get("shipping_address", {})
    address = replace(order.shipping_address, **address_changes)
    return data.update_instance(order, shipping_address=address)


# --8<-- [end:patch]
app = Litestar(route_handlers=[get_order, update_order])
# --8<-- [end:app]
