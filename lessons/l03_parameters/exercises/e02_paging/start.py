"""Page through the shop: bounded page parameters with the names clients use.

Your task (the whole contract is in task.md, or on the lesson page):
replace `limit` with `page` (1 or more, default 1) and `page-size` (1 to 20, default 5);
GET /products returns that page, and a page or page size out of bounds is a 400.
"""

from dataclasses import dataclass

from litestar import Litestar, get
from litestar.params import FromQuery


@dataclass(frozen=True)
class Product:
    sku: str
    name: str


PRODUCTS = tuple(Product(sku=f"P{number:02d}", name=f"Product {number}") for number in range(1, 13))


# TODO: this works, but clients can ask for any number of rows and cannot page.
# Change the parameters as the task says; keep the handler's name and path.
@get("/products")
async def list_products(limit: FromQuery[int] = 5) -> list[Product]:
    return list(PRODUCTS[:limit])


app = Litestar(route_handlers=[list_products])
