"""A stream of events from an async generator."""

# --8<-- [start:app]
import asyncio
from collections.abc import AsyncIterator
from typing import Annotated

from litestar import Litestar, get
from litestar.params import QueryParameter
from litestar.response import ServerSentEvent

# Long enough to watch the events arrive one by one; the tests set it to 0.
SECONDS_BETWEEN_EVENTS = 1.0


async def count_down(start: int) -> AsyncIterator[str]:
    for number in range(start, 0, -1):
        yield str(number)  # each string becomes one event: "data: 3", then a blank line
        await asyncio.sleep(SECONDS_BETWEEN_EVENTS)
    yield "Lift-off!\nWe have lift-off."  # a line break splits it into two data: lines


@get("/countdown")
async def countdown(
    start: Annotated[int, QueryParameter(ge=1, le=10)] = 3,
) -> ServerSentEvent:
    # The handler returns at once; Litestar then pulls from the generator and sends
    # each event as soon as it is yielded, on a connection that stays open until it ends.
    return ServerSentEvent(count_down(start))


app = Litestar(route_handlers=[countdown])
# --8<-- [end:app]
