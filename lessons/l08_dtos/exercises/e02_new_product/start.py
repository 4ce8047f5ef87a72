"""Add a product: a write DTO that leaves the id to the server.

Your task (the whole contract is in task.md, or on the lesson page): write POST /products.
The client sends name, price, cost_price and supplier_email; the server picks the id; the
answer is a 201 with the public fields only.
"""

from dataclasses import dataclass

from litestar import Litestar, get
from litestar.dto import DataclassDTO, DTOConfig
from litestar.exceptions import NotFoundException
from litestar.params import FromPath


@dataclass
class Product:
    id: int
    name: str
    price: float
    cost_price: float  # what we pay the supplier: never for customers' eyes
    supplier_email: str


PRODUCTS = {
    1: Product(1, "Teapot", 24.0, 9.5, "orders@potter.example"),
    2: Product(2, "Honey", 7.0, 3.2, "bees@farm.example"),
}


class ProductReadDTO(DataclassDTO[Product]):
    config = DTOConfig(include={"id", "name", "price"})


@get("/products", return_dto=ProductReadDTO)
async def list_products() -> list[Product]:
    return list(PRODUCTS.values())


@get("/products/{product_id:int}", return_dto=ProductReadDTO)
async def get_product(product_id: FromPath[int]) -> Product:
    if product_id not in PRODUCTS:
        raise NotFoundException(f"No product {product_id}")
    return PRODUCTS[product_id]


def next_product_id() -> int:
    return max(PRODUCTS, default=0) + 1


# TODO: a write DTO for Product, and a POST /products handler that uses it; then add the
# handler to the app.


app = Litestar(route_handlers=[list_products, get_product])
