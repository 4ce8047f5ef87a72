"""Shape the docs: tags, a stable operation id, a deprecated route and a hidden one."""

import msgspec
from litestar import Litestar, get
from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import Tag
from litestar.params import FromQuery


class Product(msgspec.Struct):
    id: int
    name: str


PRODUCTS = [Product(id=1, name="Teapot"), Product(id=2, name="Tea cosy")]


def matching(words: str) -> list[Product]:
    return [product for product in PRODUCTS if words.casefold() in product.name.casefold()]


@get("/products", tags=["products"])
async def list_products() -> list[Product]:
    return PRODUCTS


@get(
    "/products/search",
    tags=["search"],
    summary="Search the shop",
    operation_id="searchProducts",  # stable, whatever the function is called later
)
async def search_products(q: FromQuery[str]) -> list[Product]:
    return matching(q)


# Still served for the clients that call it; the document tells the others not to.
@get("/find", tags=["search"], deprecated=True)
async def old_search(q: FromQuery[str]) -> list[Product]:
    return matching(q)


# Served like any other route, but not part of the documented API.
@get("/metrics", include_in_schema=False)
async def metrics() -> dict[str, int]:
    return {"products": len(PRODUCTS)}


app = Litestar(
    route_handlers=[list_products, search_products, old_search, metrics],
    openapi_config=OpenAPIConfig(
        title="Shop API",
        version="1.0.0",
        # Declared tags get a description in the UIs; a tag used but not declared has none.
        tags=[
            Tag(name="products", description="What the shop sells"),
            Tag(name="search", description="Find products by name"),
        ],
    ),
)
