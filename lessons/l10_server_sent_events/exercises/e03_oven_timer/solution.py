"""Oven timer: write an event stream from its contract."""

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Annotated

from litestar import Litestar, get
from litestar.params import PathParameter
from litestar.response import ServerSentEvent, ServerSentEventMessage

SECONDS_PER_TICK = 1.0  # the checks set it to 0


async def count_down(seconds: int) -> AsyncIterator[ServerSentEventMessage]:
    for event_id, left in enumerate(range(seconds, 0, -1), start=1):
        yield ServerSentEventMessage(event="tick", id=event_id, data=json.dumps({"left": left}))
        # Read the module's value each time, so that a test can set it to 0.
        await asyncio.sleep(SECONDS_PER_TICK)
    yield ServerSentEventMessage(
        event="ring", id=seconds + 1, data=json.dumps({"seconds": seconds})
    )


@get("/timers/{seconds:int}")
async def timer(seconds: Annotated[int, PathParameter(ge=1, le=60)]) -> ServerSentEvent:
    # The bounds are checked before the stream starts: a bad one is a JSON 400.
    return ServerSentEvent(count_down(seconds))


app = Litestar(route_handlers=[timer])
