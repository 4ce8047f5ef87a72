"""A Controller groups one resource's handlers as methods under one path."""

# --8<-- [start:app]
from litestar import Controller, Litestar, Router, delete, get, post
from litestar.params import FromPath, JSONBody

from lessons.l02_routing.step01_verbs import PRODUCTS, Product, add_product, find_product


# --8<-- [start:controller]
class ProductController(Controller):
    # Handler paths are relative to the controller's path.
    path = "/products"
    tags = ("products",)  # settings on a controller apply to all its handlers

    @get()
    async def list_products(self) -> list[Product]:
        return list(PRODUCTS.values())

    @get("/{product_id:int}")
    async def get_product(self, product_id: FromPath[int]) -> Product:
        return find_product(product_id)

    @post()
    async def create_product(self, data: JSONBody[Product]) -> Product:
        return add_product(data)

    @delete("/{product_id:int}")
    async def delete_product(self, product_id: FromPath[int]) -> None:
        find_product(product_id)
        del PRODUCTS[product_id]


# --8<-- [end:controller]
# Prefixes add up: router path + controller path + handler path.
app = Litestar(route_handlers=[Router(path="/api/v1", route_handlers=[ProductController])])
# --8<-- [end:app]
