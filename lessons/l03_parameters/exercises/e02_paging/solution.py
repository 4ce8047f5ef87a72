"""Page through the shop: bounded page parameters with the names clients use."""

from dataclasses import dataclass
from typing import Annotated

from litestar import Litestar, get
from litestar.params import QueryParameter


@dataclass(frozen=True)
class Product:
    sku: str
    name: str


PRODUCTS = tuple(Product(sku=f"P{number:02d}", name=f"Product {number}") for number in range(1, 13))


@get("/products")
async def list_products(
    # Pages count from 1, as people do; 0 or less is refused before the handler runs.
    page: Annotated[int, QueryParameter(ge=1)] = 1,
    # A dash is not allowed in a Python name: `name` is the spelling in the URL.
    # The upper bound stops a client asking for everything at once.
    page_size: Annotated[int, QueryParameter(name="page-size", ge=1, le=20)] = 5,
) -> list[Product]:
    start = (page - 1) * page_size
    return list(PRODUCTS[start : start + page_size])


app = Litestar(route_handlers=[list_products])
