"""Order updates: stream an order's statuses as named events with ids."""

import json
from collections.abc import AsyncIterator

from litestar import Litestar, get
from litestar.params import FromPath
from litestar.response import ServerSentEvent, ServerSentEventMessage

STATUSES = ("paid", "packed", "shipped")
DONE_ID = len(STATUSES) + 1


async def order_updates(order_id: int) -> AsyncIterator[ServerSentEventMessage]:
    for event_id, status in enumerate(STATUSES, start=1):
        # The event name is what addEventListener("status", ...) listens for; the id is
        # what the browser sends back as Last-Event-ID when it reconnects.
        yield ServerSentEventMessage(
            event="status", id=event_id, data=json.dumps({"order": order_id, "status": status})
        )
    # The last event needs data too: a browser drops a block without a data: line.
    yield ServerSentEventMessage(event="done", id=DONE_ID, data=json.dumps({"order": order_id}))


@get("/orders/{order_id:int}/updates")
async def updates(order_id: FromPath[int]) -> ServerSentEvent:
    return ServerSentEvent(order_updates(order_id))


app = Litestar(route_handlers=[updates])
