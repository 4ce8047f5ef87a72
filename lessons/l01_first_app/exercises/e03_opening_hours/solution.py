"""Opening hours: a new endpoint for a shop, grouped in the API documentation."""

from litestar import Litestar, get


@get("/health", tags=["operations"])
async def health() -> dict[str, str]:
    """Report that the process is up and serving requests."""
    return {"status": "ok"}


# `tags` groups the operation in /schema/openapi.json and in Swagger UI.
# A dict return value is sent as a JSON object, each hour as a string.
@get("/hours", tags=["shop"])
async def opening_hours() -> dict[str, str]:
    """When the shop opens and closes, local time."""
    return {"opens": "09:00", "closes": "18:00"}


app = Litestar(route_handlers=[health, opening_hours])
