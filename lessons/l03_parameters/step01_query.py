"""Query parameters: required, optional and with a default."""

# --8<-- [start:app]
from litestar import Litestar, get
from litestar.params import FromQuery

from lessons.l03_parameters.catalogue import CATALOGUE, Product


@get("/search")
async def search(
    q: FromQuery[str],  # no default: required, a request without it is a 400
    in_stock: FromQuery[bool | None] = None,  # optional: None when it is absent
    limit: FromQuery[int] = 10,  # a default used when it is absent
) -> list[Product]:
    found = [product for product in CATALOGUE if q.lower() in product.name.lower()]
    if in_stock is not None:
        found = [product for product in found if product.in_stock == in_stock]
    return found[:limit]


app = Litestar(route_handlers=[search])
# --8<-- [end:app]
