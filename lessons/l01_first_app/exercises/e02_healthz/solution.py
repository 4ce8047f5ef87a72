"""Move the health check: the platform polls /healthz and wants to know which service answers."""

from litestar import Litestar, get


@get("/")
async def hello() -> dict[str, str]:
    """Greet whoever asks."""
    return {"message": "Hello, Litestar!"}


# The path lives in the decorator: changing it moves the route, and nothing answers the
# old one any more.
@get("/healthz", tags=["operations"])
async def health() -> dict[str, str]:
    """Report that the process is up, and which service it is."""
    return {"status": "ok", "service": "bookshop"}


app = Litestar(route_handlers=[hello, health])
