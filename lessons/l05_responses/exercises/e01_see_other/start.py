"""Add to the basket, then show it.

Your task (the whole contract is in task.md, or on the lesson page):
POST /basket/items adds the item and sends the browser on to GET /basket,
with the status code that tells it to fetch the basket with GET.
"""

import msgspec
from litestar import Litestar, get, post
from litestar.params import JSONBody


class Item(msgspec.Struct):
    sku: str
    quantity: int = 1


BASKET: list[Item] = []


@get("/basket")
async def show_basket() -> dict[str, list[Item]]:
    return {"items": BASKET}


# TODO: instead of echoing the item, redirect to /basket with the right status code,
# and make /schema document that status (not 201).
@post("/basket/items")
async def add_item(data: JSONBody[Item]) -> Item:
    BASKET.append(data)
    return data


app = Litestar(route_handlers=[show_basket, add_item])
