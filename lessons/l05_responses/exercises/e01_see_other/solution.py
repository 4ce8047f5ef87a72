"""Add to the basket, then show it."""

import msgspec
from litestar import Litestar, get, post
from litestar.params import JSONBody
from litestar.response import Redirect
from litestar.status_codes import HTTP_303_SEE_OTHER


class Item(msgspec.Struct):
    sku: str
    quantity: int = 1


BASKET: list[Item] = []


@get("/basket")
async def show_basket() -> dict[str, list[Item]]:
    return {"items": BASKET}


# The decorator's status documents the redirect in /schema; Redirect's is what is sent
# (its own default is 302, whatever the decorator says). 303 makes the browser GET
# /basket, so reloading the page shows the basket again instead of adding another item.
@post("/basket/items", status_code=HTTP_303_SEE_OTHER)
async def add_item(data: JSONBody[Item]) -> Redirect:
    BASKET.append(data)
    return Redirect("/basket", status_code=HTTP_303_SEE_OTHER)


app = Litestar(route_handlers=[show_basket, add_item])
