"""Resume the order feed: carry on after the Last-Event-ID a reconnecting browser sends.

Your task (the whole contract is in task.md, or on the lesson page):
with Last-Event-ID: 2 send only events 3 and 4; after the last id answer 204;
an id the feed never sent is a 400.
"""

import json
from collections.abc import AsyncIterator

from litestar import Litestar, get
from litestar.params import FromPath
from litestar.response import ServerSentEvent, ServerSentEventMessage

STATUSES = ("paid", "packed", "shipped")
DONE_ID = len(STATUSES) + 1


async def order_updates(order_id: int) -> AsyncIterator[ServerSentEventMessage]:
    # TODO: skip the events the client has seen already.
    for event_id, status in enumerate(STATUSES, start=1):
        yield ServerSentEventMessage(
            event="status", id=event_id, data=json.dumps({"order": order_id, "status": status})
        )
    yield ServerSentEventMessage(event="done", id=DONE_ID, data=json.dumps({"order": order_id}))


# TODO: declare the Last-Event-ID header as a constrained parameter, and answer 204 when
# the client has seen the last event already (the return type must allow both answers).
@get("/orders/{order_id:int}/updates")
async def updates(order_id: FromPath[int]) -> ServerSentEvent:
    return ServerSentEvent(order_updates(order_id))


app = Litestar(route_handlers=[updates])
