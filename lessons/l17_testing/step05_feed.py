"""A server-sent event feed: typed, numbered events, and a stream that ends."""

# --8<-- [start:app]
from collections.abc import AsyncIterator
from typing import Annotated

import msgspec
from litestar import Litestar, get
from litestar.params import QueryParameter
from litestar.response import ServerSentEvent, ServerSentEventMessage


async def progress(steps: int) -> AsyncIterator[ServerSentEventMessage]:
    for done in range(1, steps + 1):
        data = msgspec.json.encode({"done": done, "of": steps}).decode()
        # `id` lets a browser resume after a reconnect; `event` names the type.
        yield ServerSentEventMessage(data=data, event="progress", id=done)
    yield ServerSentEventMessage(data="finished", event="end")


@get("/progress")
async def report_progress(
    # Bounded, so every stream ends: a test client reads a response to its end.
    steps: Annotated[int, QueryParameter(ge=1, le=20)] = 3,
) -> ServerSentEvent:
    return ServerSentEvent(progress(steps))


app = Litestar(route_handlers=[report_progress])
# --8<-- [end:app]
