"""Shape the docs: tags, a stable operation id, a deprecated route and a hidden one.

Your task (the whole contract is in task.md, or on the lesson page):
declare the tags products and search with descriptions, tag the operations, name the
search, mark the old search deprecated and leave /metrics out of the document.
"""

import msgspec
from litestar import Litestar, get
from litestar.openapi import OpenAPIConfig
from litestar.params import FromQuery


class Product(msgspec.Struct):
    id: int
    name: str


PRODUCTS = [Product(id=1, name="Teapot"), Product(id=2, name="Tea cosy")]


def matching(words: str) -> list[Product]:
    return [product for product in PRODUCTS if words.casefold() in product.name.casefold()]


# TODO: change only what the decorators and the config say, never what a route answers.
@get("/products")
async def list_products() -> list[Product]:
    return PRODUCTS


@get("/products/search")
async def search_products(q: FromQuery[str]) -> list[Product]:
    return matching(q)


@get("/find")
async def old_search(q: FromQuery[str]) -> list[Product]:
    return matching(q)


@get("/metrics")
async def metrics() -> dict[str, int]:
    return {"products": len(PRODUCTS)}


app = Litestar(
    route_handlers=[list_products, search_products, old_search, metrics],
    openapi_config=OpenAPIConfig(title="Shop API", version="1.0.0"),
)
