"""Say goodbye: a second route beside the greeting.

Your task (the whole contract is in task.md, or on the lesson page):
GET /goodbye must answer 200 with the JSON object {"message": "Goodbye, Litestar!"}.
"""

from litestar import Litestar, get


@get("/")
async def hello() -> dict[str, str]:
    """Greet whoever asks."""
    return {"message": "Hello, Litestar!"}


# TODO: write a handler for GET /goodbye here, then add it to the app below.


app = Litestar(route_handlers=[hello])
