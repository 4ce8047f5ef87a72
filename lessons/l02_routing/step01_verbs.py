"""One decorator per HTTP verb, each with its own default status code."""

# --8<-- [start:app]
from dataclasses import dataclass

from litestar import Litestar, delete, get, patch, post, put
from litestar.exceptions import ClientException, NotFoundException
from litestar.params import FromPath, JSONBody


@dataclass
class Product:
    id: int
    name: str
    price: float


@dataclass
class PriceChange:
    price: float


# A dict stands in for a database until lesson 13.
PRODUCTS: dict[int, Product] = {
    1: Product(id=1, name="Widget", price=9.99),
    2: Product(id=2, name="Gadget", price=24.99),
}


# --8<-- [start:store]
def find_product(product_id: int) -> Product:
    """Return the product or answer 404; a KeyError would become a 500."""
    try:
        return PRODUCTS[product_id]
    except KeyError:
        raise NotFoundException(f"Product {product_id} not found") from None


def add_product(product: Product) -> Product:
    """Store a new product; refuse to overwrite one that exists (409 Conflict)."""
    if product.id in PRODUCTS:
        raise ClientException(status_code=409, detail=f"Product {product.id} already exists")
    PRODUCTS[product.id] = product
    return product


# --8<-- [end:store]


# --8<-- [start:handlers]
@get("/products")  # GET answers 200 OK
async def list_products() -> list[Product]:
    return list(PRODUCTS.values())


# `{product_id:int}` declares the path parameter and its type; `FromPath`
# says explicitly where the handler argument comes from.
@get("/products/{product_id:int}")
async def get_product(product_id: FromPath[int]) -> Product:
    return find_product(product_id)


@post("/products")  # POST answers 201 Created
async def create_product(data: JSONBody[Product]) -> Product:
    return add_product(data)


@put("/products/{product_id:int}")  # PUT replaces the whole resource: 200 OK
async def replace_product(product_id: FromPath[int], data: JSONBody[Product]) -> Product:
    find_product(product_id)
    PRODUCTS[product_id] = Product(id=product_id, name=data.name, price=data.price)
    return PRODUCTS[product_id]


@patch("/products/{product_id:int}")  # PATCH changes part of it: 200 OK
async def change_price(product_id: FromPath[int], data: JSONBody[PriceChange]) -> Product:
    product = find_product(product_id)
    product.price = data.price
    return product


@delete("/products/{product_id:int}")  # DELETE answers 204 No Content, with no body
async def delete_product(product_id: FromPath[int]) -> None:
    find_product(product_id)
    del PRODUCTS[product_id]


# --8<-- [end:handlers]
app = Litestar(
    route_handlers=[
        list_products,
        get_product,
        create_product,
        replace_product,
        change_price,
        delete_product,
    ]
)
# --8<-- [end:app]
