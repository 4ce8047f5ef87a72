"""Constraints, lists and aliases on query parameters."""

# --8<-- [start:app]
from typing import Annotated

from litestar import Litestar, get
from litestar.params import QueryParameter

from lessons.l03_parameters.catalogue import CATALOGUE, Product


@get("/search")
async def search(
    # Length limits: "?q=" or a 500-character q is refused before the handler runs.
    q: Annotated[str, QueryParameter(min_length=1, max_length=50, description="Part of a name")],
    # A list collects a repeated parameter, ?tag=tools&tag=gifts; `name` is the
    # spelling in the URL, which may differ from the Python argument's name.
    tags: Annotated[list[str] | None, QueryParameter(name="tag")] = None,
    # An alias with a dash, which a Python name cannot have; gt=0 refuses zero.
    max_price: Annotated[float | None, QueryParameter(name="max-price", gt=0)] = None,
    # Bounded, so nobody can ask for a million rows.
    limit: Annotated[int, QueryParameter(ge=1, le=50)] = 10,
) -> list[Product]:
    found = [product for product in CATALOGUE if q.lower() in product.name.lower()]
    if tags:
        found = [product for product in found if set(tags) & set(product.tags)]
    if max_price is not None:
        found = [product for product in found if product.price <= max_price]
    return found[:limit]


app = Litestar(route_handlers=[search])
# --8<-- [end:app]
