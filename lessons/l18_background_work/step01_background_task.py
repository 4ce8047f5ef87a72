"""Answer first, email afterwards: a BackgroundTask on the response."""

# --8<-- [start:app]
import asyncio
from dataclasses import dataclass

from litestar import Litestar, Response, get, post
from litestar.background_tasks import BackgroundTask
from litestar.params import JSONBody

SECONDS_TO_SEND = 0.5  # a slow mail server; the tests set it to 0
OUTBOX: list[str] = []  # what the "mail server" has sent


@dataclass
class Signup:
    email: str


async def send_welcome(email: str) -> None:
    await asyncio.sleep(SECONDS_TO_SEND)
    OUTBOX.append(f"welcome to {email}")


@post("/signups")
async def sign_up(data: JSONBody[Signup]) -> Response[Signup]:
    # The function and its arguments, not a call: Litestar awaits
    # send_welcome(data.email) once the whole response has been sent.
    return Response(data, status_code=201, background=BackgroundTask(send_welcome, data.email))


@get("/outbox")
async def outbox() -> list[str]:
    return OUTBOX


app = Litestar(route_handlers=[sign_up, outbox])
# --8<-- [end:app]
