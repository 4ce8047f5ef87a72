"""Document the 404: tell the OpenAPI document what a missing product answers.

Your task (the whole contract is in task.md, or on the lesson page):
the operation is called getProduct, and its documented 404 uses ErrorBody, the description
"No product has this number" and one real example, with no made-up examples.
"""

import msgspec
from litestar import Litestar, get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath


class Product(msgspec.Struct):
    id: int
    name: str
    price_cents: int


class ErrorBody(msgspec.Struct):
    """The body Litestar sends with a 4xx raised as an HTTPException."""

    status_code: int
    detail: str


PRODUCTS = {1: Product(id=1, name="Teapot", price_cents=2500)}


# TODO: give this operation a stable id and document its 404 on the decorator.
@get("/products/{product_id:int}")
async def get_product(product_id: FromPath[int]) -> Product:
    if product_id not in PRODUCTS:
        raise NotFoundException(f"No product with id {product_id}")
    return PRODUCTS[product_id]


app = Litestar(route_handlers=[get_product])
