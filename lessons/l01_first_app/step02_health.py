"""A health check beside the greeting."""

# --8<-- [start:app]
from litestar import Litestar, get


@get("/")
async def hello() -> dict[str, str]:
    """Greet whoever asks."""
    return {"message": "Hello, Litestar!"}


# --8<-- [start:health]
# Load balancers and container platforms poll a cheap endpoint like this one
# to learn whether the process is up. Keep it free of slow work.
@get("/health", tags=["operations"])
async def health() -> dict[str, str]:
    """Report that the process is up and serving requests."""
    return {"status": "ok"}


# --8<-- [end:health]
app = Litestar(route_handlers=[hello, health])
# --8<-- [end:app]
