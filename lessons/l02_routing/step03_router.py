"""A Router gives a group of handlers one path prefix."""

# --8<-- [start:app]
from litestar import Litestar, Router

# The handlers are step 01's, unchanged: a router only decides where they live.
from lessons.l02_routing.step01_verbs import (
    change_price,
    create_product,
    delete_product,
    get_product,
    list_products,
    replace_product,
)

# Every path below is now prefixed: GET /api/v1/products, GET /api/v1/products/1, …
api_v1 = Router(
    path="/api/v1",
    route_handlers=[
        list_products,
        get_product,
        create_product,
        replace_product,
        change_price,
        delete_product,
    ],
)

app = Litestar(route_handlers=[api_v1])
# --8<-- [end:app]
