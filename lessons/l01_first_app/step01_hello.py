"""Hello, Litestar: one handler in one app."""

# --8<-- [start:app]
from litestar import Litestar, get


# The decorator says which HTTP method and path reach this function.
# The return annotation is the response contract: Litestar encodes the
# dict as JSON and documents its shape in the OpenAPI schema.
@get("/")
async def hello() -> dict[str, str]:
    """Greet whoever asks."""
    return {"message": "Hello, Litestar!"}


# The app is a plain object: a server imports it as `module:app`.
app = Litestar(route_handlers=[hello])
# --8<-- [end:app]
