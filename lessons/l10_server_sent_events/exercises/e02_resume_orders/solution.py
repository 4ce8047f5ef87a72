"""Resume the order feed: carry on after the Last-Event-ID a reconnecting browser sends."""

import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

from litestar import Litestar, Response, get
from litestar.params import FromPath, HeaderParameter
from litestar.response import ServerSentEvent, ServerSentEventMessage
from litestar.status_codes import HTTP_204_NO_CONTENT

STATUSES = ("paid", "packed", "shipped")
DONE_ID = len(STATUSES) + 1


async def order_updates(order_id: int, after: int) -> AsyncIterator[ServerSentEventMessage]:
    for event_id, status in enumerate(STATUSES, start=1):
        if event_id <= after:
            continue  # the browser has this one: sending it again would show it twice
        yield ServerSentEventMessage(
            event="status", id=event_id, data=json.dumps({"order": order_id, "status": status})
        )
    yield ServerSentEventMessage(event="done", id=DONE_ID, data=json.dumps({"order": order_id}))


@get("/orders/{order_id:int}/updates")
async def updates(
    order_id: FromPath[int],
    # Only ids this feed hands out: anything else is a 400 that names the header,
    # not a stream that quietly starts somewhere else.
    last_event_id: Annotated[int, HeaderParameter(name="Last-Event-ID", ge=0, le=DONE_ID)] = 0,
) -> Response[Any]:
    if last_event_id == DONE_ID:
        return Response(None, status_code=HTTP_204_NO_CONTENT)  # tells EventSource to stop
    return ServerSentEvent(order_updates(order_id, after=last_event_id))


app = Litestar(route_handlers=[updates])
