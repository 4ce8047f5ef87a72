"""An endless feed that cleans up when the client goes away."""

# --8<-- [start:app]
import asyncio
from collections.abc import AsyncIterator

from litestar import Litestar, get
from litestar.response import ServerSentEvent, ServerSentEventMessage

SECONDS_BETWEEN_EVENTS = 1.0
# What the streams hold open. A real feed would hold a database listener or a
# message-queue subscription here; this one only counts, so that you can watch it.
STREAMS = {"open": 0, "closed": 0}


async def ticks() -> AsyncIterator[ServerSentEventMessage]:
    # Open what the stream needs inside the generator, and release it in `finally`:
    # it runs when the feed ends, when it fails, and when the client disconnects.
    STREAMS["open"] += 1
    try:
        tick = 0
        while True:  # never ends by itself: only a disconnect stops it
            tick += 1
            yield ServerSentEventMessage(event="tick", id=tick, data=str(tick))
            # A disconnect cancels the generator here, where it waits.
            await asyncio.sleep(SECONDS_BETWEEN_EVENTS)
    finally:
        STREAMS["open"] -= 1
        STREAMS["closed"] += 1


@get("/ticks")
async def tick_feed() -> ServerSentEvent:
    return ServerSentEvent(ticks())


@get("/streams")
async def stream_counts() -> dict[str, int]:
    return STREAMS


app = Litestar(route_handlers=[tick_feed, stream_counts])
# --8<-- [end:app]
