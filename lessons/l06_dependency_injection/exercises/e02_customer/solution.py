"""Whose basket is it: fix the provider that finds the customer."""

from typing import Annotated

from litestar import Litestar, get
from litestar.di import NamedDependency, Provide
from litestar.exceptions import NotAuthorizedException
from litestar.params import HeaderParameter

CUSTOMERS = {"key-alice": "alice", "key-bob": "bob"}
BASKETS = {"alice": ["tea", "honey"], "bob": ["coffee"]}


# The header is optional here so that its absence is ours to answer: with a required
# header Litestar would send a 400, and a missing credential is a 401.
async def provide_customer(
    api_key: Annotated[str | None, HeaderParameter(name="X-API-Key")] = None,
) -> str:
    customer = CUSTOMERS.get(api_key or "")
    if customer is None:  # missing or unknown: the same answer, so keys cannot be probed
        raise NotAuthorizedException("Send a valid X-API-Key header")
    return customer


@get("/basket")
async def basket(customer: NamedDependency[str]) -> dict[str, object]:
    return {"customer": customer, "items": BASKETS[customer]}


@get("/shelf")
async def shelf() -> list[str]:
    return ["tea", "honey", "coffee"]


app = Litestar(
    route_handlers=[basket, shelf],
    # No use_cache: the customer belongs to one request, so the provider runs every time.
    dependencies={"customer": Provide(provide_customer)},
)
