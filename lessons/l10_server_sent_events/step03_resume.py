"""Resume after the last event the client saw, from the Last-Event-ID header."""

# --8<-- [start:app]
import asyncio
import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

from litestar import Litestar, Response, get
from litestar.params import FromPath, HeaderParameter
from litestar.response import ServerSentEvent, ServerSentEventMessage
from litestar.status_codes import HTTP_204_NO_CONTENT

from lessons.l10_server_sent_events.step02_progress import DONE_ID, PERCENTS

SECONDS_BETWEEN_EVENTS = 0.5  # the tests set it to 0


async def job_progress(job_id: int, after: int) -> AsyncIterator[ServerSentEventMessage]:
    for event_id, percent in enumerate(PERCENTS, start=1):
        if event_id <= after:
            continue  # the client has this one already
        await asyncio.sleep(SECONDS_BETWEEN_EVENTS)
        yield ServerSentEventMessage(
            event="progress", id=event_id, data=json.dumps({"job": job_id, "percent": percent})
        )
    yield ServerSentEventMessage(event="done", id=DONE_ID, data=json.dumps({"job": job_id}))


@get("/jobs/{job_id:int}/progress")
async def progress(
    job_id: FromPath[int],
    # Sent by the browser's EventSource when it reconnects: the id of the last event it
    # received. Only ids this feed hands out are accepted; anything else is a 400.
    last_event_id: Annotated[int, HeaderParameter(name="Last-Event-ID", ge=0, le=DONE_ID)] = 0,
) -> Response[Any]:
    if last_event_id == DONE_ID:
        # The client saw the end already. 204 No Content tells EventSource to stop
        # reconnecting; an empty stream would make it come back every few seconds.
        return Response(None, status_code=HTTP_204_NO_CONTENT)
    return ServerSentEvent(job_progress(job_id, after=last_event_id))


app = Litestar(route_handlers=[progress])
# --8<-- [end:app]
