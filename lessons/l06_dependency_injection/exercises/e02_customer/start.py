"""Whose basket is it: fix the provider that finds the customer.

Your task (the whole contract is in task.md, or on the lesson page): this shop works for the
first customer only. Every customer must see their own basket, and a missing or unknown
`X-API-Key` must be a 401, never a 400 or a 500.
"""

from typing import Annotated

from litestar import Litestar, get
from litestar.di import NamedDependency, Provide
from litestar.params import HeaderParameter

CUSTOMERS = {"key-alice": "alice", "key-bob": "bob"}
BASKETS = {"alice": ["tea", "honey"], "bob": ["coffee"]}


# TODO: this provider crashes on an unknown key and needs the header to be there.
async def provide_customer(api_key: Annotated[str, HeaderParameter(name="X-API-Key")]) -> str:
    return CUSTOMERS[api_key]


@get("/basket")
async def basket(customer: NamedDependency[str]) -> dict[str, object]:
    return {"customer": customer, "items": BASKETS[customer]}


@get("/shelf")
async def shelf() -> list[str]:
    return ["tea", "honey", "coffee"]


app = Litestar(
    route_handlers=[basket, shelf],
    # TODO: is this value the same for every request?
    dependencies={"customer": Provide(provide_customer, use_cache=True)},
)
