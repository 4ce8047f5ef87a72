"""Add a product: write an endpoint from its contract, and document it.

Your task (the whole contract is in task.md, or on the lesson page):
POST /products answers 201 with the new product and 409 for a taken SKU, and its
operation in the document is createProduct, with a described body, an example and the 409.
"""

import msgspec
from litestar import Litestar
from litestar.exceptions import ClientException
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

# TODO: the handler for POST /products, with its documentation; then list it below.

app = Litestar(route_handlers=[])
