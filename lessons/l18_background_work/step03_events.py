"""Application events: the handler says what happened, listeners react."""

# --8<-- [start:app]
import asyncio
from dataclasses import dataclass
from typing import Any

from litestar import Litestar, Request, get, post
from litestar.events import listener
from litestar.params import JSONBody

SECONDS_TO_SEND = 0.5  # the tests set it to 0
OUTBOX: list[str] = []
NEWSLETTER: list[str] = []
DOWN = "down.example"


@dataclass
class Signup:
    email: str


@listener("user_signed_up")
async def send_welcome(email: str) -> None:
    await asyncio.sleep(SECONDS_TO_SEND)
    if email.endswith(f"@{DOWN}"):
        raise ConnectionError(f"the mail server of {DOWN} does not answer")
    OUTBOX.append(f"welcome to {email}")


@listener("user_signed_up")
async def add_to_newsletter(email: str) -> None:
    NEWSLETTER.append(email)


@post("/signups")
async def sign_up(request: Request[Any, Any, Any], data: JSONBody[Signup]) -> Signup:
    # emit() only queues the event and returns: the listeners run on their own,
    # concurrently, while this handler carries on and answers.
    request.app.emit("user_signed_up", email=data.email)
    return data


@get("/sent")
async def sent() -> dict[str, list[str]]:
    return {"outbox": OUTBOX, "newsletter": NEWSLETTER}


app = Litestar(route_handlers=[sign_up, sent], listeners=[send_welcome, add_to_newsletter])
# --8<-- [end:app]
