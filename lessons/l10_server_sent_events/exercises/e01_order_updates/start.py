"""Order updates: stream an order's statuses as named events with ids.

Your task (the whole contract is in task.md, or on the lesson page):
GET /orders/{order_id}/updates streams one "status" event per status, ids 1, 2, 3,
then a "done" event with id 4 that a browser's listener really receives.
"""

import json
from collections.abc import AsyncIterator

from litestar import Litestar, get
from litestar.params import FromPath
from litestar.response import ServerSentEvent, ServerSentEventMessage

STATUSES = ("paid", "packed", "shipped")


async def order_updates(order_id: int) -> AsyncIterator[ServerSentEventMessage]:
    # TODO: yield one ServerSentEventMessage per status (event name, id and JSON data),
    # then a last "done" event. For now the stream only says it is not written yet.
    yield ServerSentEventMessage(comment="not written yet", data=json.dumps({"order": order_id}))


@get("/orders/{order_id:int}/updates")
async def updates(order_id: FromPath[int]) -> ServerSentEvent:
    return ServerSentEvent(order_updates(order_id))


app = Litestar(route_handlers=[updates])
