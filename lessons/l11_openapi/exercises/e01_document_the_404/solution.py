"""Document the 404: tell the OpenAPI document what a missing product answers."""

import msgspec
from litestar import Litestar, get
from litestar.exceptions import NotFoundException
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example
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


@get(
    "/products/{product_id:int}",
    operation_id="getProduct",  # client generators name their function after it
    # The schema cannot see the raise below: the 404 is documented here.
    responses={
        404: ResponseSpec(
            data_container=ErrorBody,
            description="No product has this number",
            generate_examples=False,  # otherwise ErrorBody gains random made-up examples
            examples=[
                Example(
                    summary="An unknown number",
                    value={"status_code": 404, "detail": "No product with id 99"},
                )
            ],
        )
    },
)
async def get_product(product_id: FromPath[int]) -> Product:
    if product_id not in PRODUCTS:
        raise NotFoundException(f"No product with id {product_id}")
    return PRODUCTS[product_id]


app = Litestar(route_handlers=[get_product])
