"""Keep the cost price in the shop: a return DTO that lets only public fields out."""

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
    # An allow-list: a field added to Product later stays in the shop until named here.
    config = DTOConfig(include={"id", "name", "price"})


# A DTO covers only the handlers it is set on: both of them need it.
@get("/products", return_dto=ProductReadDTO)
async def list_products() -> list[Product]:
    return list(PRODUCTS.values())


@get("/products/{product_id:int}", return_dto=ProductReadDTO)
async def get_product(product_id: FromPath[int]) -> Product:
    if product_id not in PRODUCTS:
        raise NotFoundException(f"No product {product_id}")
    return PRODUCTS[product_id]


app = Litestar(route_handlers=[list_products, get_product])
