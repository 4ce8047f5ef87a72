"""Say goodbye: a second route beside the greeting."""

from litestar import Litestar, get


@get("/")
async def hello() -> dict[str, str]:
    """Greet whoever asks."""
    return {"message": "Hello, Litestar!"}


@get("/goodbye")
async def goodbye() -> dict[str, str]:
    """Take leave politely."""
    return {"message": "Goodbye, Litestar!"}


# A handler the app is not given is never routed: it must be in this list.
app = Litestar(route_handlers=[hello, goodbye])
