"""Named events, ids and a retry time: a progress feed that ends."""

# --8<-- [start:app]
import asyncio
import json
from collections.abc import AsyncIterator

from litestar import Litestar, get
from litestar.params import FromPath
from litestar.response import ServerSentEvent, ServerSentEventMessage

SECONDS_BETWEEN_EVENTS = 0.5  # the tests set it to 0
PERCENTS = (0, 25, 50, 75, 100)
DONE_ID = len(PERCENTS) + 1  # ids 1-5 are progress events, 6 is the last one
RETRY_MILLISECONDS = 5000


async def job_progress(job_id: int) -> AsyncIterator[ServerSentEventMessage]:
    # A comment and a retry time, but no data (data=None): the browser sets its
    # reconnection delay and fires no event.
    yield ServerSentEventMessage(
        comment=f"progress of job {job_id}", retry=RETRY_MILLISECONDS, data=None
    )
    for event_id, percent in enumerate(PERCENTS, start=1):
        await asyncio.sleep(SECONDS_BETWEEN_EVENTS)
        yield ServerSentEventMessage(
            event="progress",  # the browser fires it at addEventListener("progress", ...)
            id=event_id,  # the browser remembers it and sends it back on reconnection
            data=json.dumps({"job": job_id, "percent": percent}),
        )
    # A last, distinct event tells the client to stop: see "When the stream ends".
    yield ServerSentEventMessage(event="done", id=DONE_ID, data=json.dumps({"job": job_id}))


@get("/jobs/{job_id:int}/progress")
async def progress(job_id: FromPath[int]) -> ServerSentEvent:
    return ServerSentEvent(job_progress(job_id))


app = Litestar(route_handlers=[progress])
# --8<-- [end:app]
