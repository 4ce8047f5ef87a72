"""Opening hours: a new endpoint for a shop, grouped in the API documentation.

Your task (the whole contract is in task.md, or on the lesson page):
GET /hours answers 200 with {"opens": "09:00", "closes": "18:00"}, and the API
documentation lists it under the tag "shop". The health check stays as it is.
"""

from litestar import Litestar, get


@get("/health", tags=["operations"])
async def health() -> dict[str, str]:
    """Report that the process is up and serving requests."""
    return {"status": "ok"}


# TODO: write the GET /hours handler from the contract, tag it "shop", and serve it.


app = Litestar(route_handlers=[health])
