"""Add a product: write an endpoint from its contract, and document it."""

from typing import Annotated

import msgspec
from litestar import Litestar, post
from litestar.exceptions import ClientException
from litestar.openapi.spec import Example
from litestar.params import Body
from litestar.status_codes import HTTP_409_CONFLICT


class NewProduct(msgspec.Struct):
    name: str
    sku: str


class Product(msgspec.Struct):
    id: int
    name: str
    sku: str


class DuplicateSkuError(ClientException):
    """A product with this SKU is in the shop already."""

    status_code = HTTP_409_CONFLICT


PRODUCTS: dict[int, Product] = {}


@post(
    "/products",
    operation_id="createProduct",
    raises=[DuplicateSkuError],  # the document cannot see the raise below; this tells it
)
async def create_product(
    data: Annotated[
        NewProduct,
        # Declares the body, like JSONBody, and documents it.
        Body(
            description="The product to add",
            examples=[Example(value={"name": "Teapot", "sku": "TEA-1"})],
        ),
    ],
) -> Product:
    if any(product.sku == data.sku for product in PRODUCTS.values()):
        raise DuplicateSkuError(f"SKU {data.sku} is taken")
    product = Product(id=len(PRODUCTS) + 1, name=data.name, sku=data.sku)
    PRODUCTS[product.id] = product
    return product


app = Litestar(route_handlers=[create_product])
