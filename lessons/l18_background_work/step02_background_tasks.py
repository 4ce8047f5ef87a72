"""Two tasks after one response, and what a failure in the first one does."""

# --8<-- [start:app]
import asyncio
from dataclasses import dataclass

from litestar import Litestar, Response, get, post
from litestar.background_tasks import BackgroundTask, BackgroundTasks
from litestar.params import JSONBody

SECONDS_TO_SEND = 0.5  # the tests set it to 0
OUTBOX: list[str] = []
NEWSLETTER: list[str] = []
DOWN = "down.example"  # the mail server for this domain is "unreachable"


@dataclass
class Signup:
    email: str


async def send_welcome(email: str) -> None:
    await asyncio.sleep(SECONDS_TO_SEND)
    if email.endswith(f"@{DOWN}"):
        raise ConnectionError(f"the mail server of {DOWN} does not answer")
    OUTBOX.append(f"welcome to {email}")


async def add_to_newsletter(email: str) -> None:
    NEWSLETTER.append(email)


@post("/signups")
async def sign_up(data: JSONBody[Signup]) -> Response[Signup]:
    # Run one after the other, in this order, after the response.
    tasks = BackgroundTasks(
        [BackgroundTask(send_welcome, data.email), BackgroundTask(add_to_newsletter, data.email)]
    )
    return Response(data, status_code=201, background=tasks)


@get("/sent")
async def sent() -> dict[str, list[str]]:
    return {"outbox": OUTBOX, "newsletter": NEWSLETTER}


app = Litestar(route_handlers=[sign_up, sent])
# --8<-- [end:app]
