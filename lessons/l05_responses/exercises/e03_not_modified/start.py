"""Not modified.

Your task (the whole contract is in task.md, or on the lesson page):
write GET /products/{sku}: the product with an ETag that changes when the product does,
and 304 Not Modified, without a body, when If-None-Match names the current tag.
"""

import msgspec
from litestar import Litestar, put
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, JSONBody


class Product(msgspec.Struct):
    sku: str
    name: str
    price_cents: int


PRODUCTS = {
    "pen": Product("pen", "Fountain pen", 2400),
    "ink": Product("ink", "Blue ink, 50 ml", 850),
}


@put("/products/{sku:str}/price")
async def set_price(sku: FromPath[str], data: JSONBody[int]) -> Product:
    if sku not in PRODUCTS:
        raise NotFoundException(f"No product {sku!r}")
    PRODUCTS[sku] = msgspec.structs.replace(PRODUCTS[sku], price_cents=data)
    return PRODUCTS[sku]


# TODO: GET /products/{sku}, from the contract in task.md; then list it below.


app = Litestar(route_handlers=[set_price])
