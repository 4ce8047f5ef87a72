"""Live updates: the signed-in user's task events, over a WebSocket or server-sent events.

Each user has a channel of their own, under the deployment's namespace; a client can only
ever subscribe to the channel of the user its token names, so nobody hears anybody else's
events. Each user may hold MAX_STREAMS_PER_USER of them open in a process.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any, cast

from litestar import Request, WebSocket, get, websocket
from litestar.background_tasks import BackgroundTask
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.exceptions import TooManyRequestsException
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example
from litestar.params import HeaderParameter
from litestar.response import ServerSentEvent, ServerSentEventMessage
from litestar.security.jwt import Token
from litestar.types import WebSocketReceiveEvent

from capstone.domain.events import LiveEvents, event_order, split_event
from capstone.domain.tasks import TaskEvent
from capstone.domain.users import SignedIn
from capstone.http.openapi import RETRY_AFTER, documented
from capstone.http.schemas import encode_event, errors

EVENT_EXAMPLE = (
    ": subscribed\r\nretry: 3000\r\n\r\n"
    'id: 1764582000000-0\r\nevent: task\r\ndata: {"type":"task.created","task":{"id":1,'
    '"title":"Write the report","version":1}}\r\n\r\n'
)

POLICY_VIOLATION = 1008  # the WebSocket close code for "you may not have another"


class StreamSlots:
    """Open event connections per user in this process: each user may have `limit`."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.open: Counter[int] = Counter()

    def take(self, user_id: int) -> Callable[[], None] | None:
        """A slot's release (call it once or more), or None when the user has none left."""
        if self.open[user_id] >= self.limit:
            return None
        self.open[user_id] += 1
        released = False

        def release() -> None:
            nonlocal released
            if not released:
                released = True
                self.open[user_id] -= 1
                if not self.open[user_id]:
                    del self.open[user_id]

        return release


def publish(channels: LiveEvents, outbox: list[TaskEvent]) -> None:
    """Announce a request's task events: call it only once their changes are committed."""
    for event in outbox:
        payload = encode_event(event.kind, event.task)
        channels.publish(payload, channels.channel_of(event.owner_id))


@websocket("/events/ws", summary="Your task events as WebSocket text messages", tags=["events"])
async def events_socket(
    socket: WebSocket[SignedIn, Token, State],
    channels: NamedDependency[LiveEvents],
    stream_slots: NamedDependency[StreamSlots],
) -> None:
    release = stream_slots.take(socket.user.id)
    if release is None:
        await socket.accept()
        await socket.close(code=POLICY_VIOLATION, reason="Too many open event connections")
        return
    try:
        async with channels.start_subscription(channels.channel_of(socket.user.id)) as subscriber:
            # Subscribed before accepting: once connected, a client misses none of its events.
            await socket.accept()

            async def send(message: bytes) -> None:
                await socket.send_text(split_event(message)[1].decode())

            async with subscriber.run_in_background(send, join=False):
                await ignore_until_closed(socket)
    finally:
        release()


# --8<-- [start:bounded-messages]
# The client has nothing to say, so a big message is abuse: 1009 "message too big".
# uvicorn refuses frames over its ws_max_size (16 MiB by default) before we see them;
# __main__.py lowers that to this limit too.
MAX_MESSAGE_BYTES = 4 * 1024
MESSAGE_TOO_BIG = 1009


async def ignore_until_closed(socket: WebSocket[Any, Any, Any]) -> None:
    while True:
        message = await socket.receive()
        if message["type"] == "websocket.disconnect":
            return
        received = cast("WebSocketReceiveEvent", message)
        text, data = received.get("text"), received.get("bytes")
        size = len(text.encode()) if text is not None else len(data or b"")
        if size > MAX_MESSAGE_BYTES:
            await socket.close(code=MESSAGE_TOO_BIG, reason="Messages are limited to 4 KiB")
            return
        # --8<-- [end:bounded-messages]


LastEventID = Annotated[
    str | None,
    HeaderParameter(
        name="Last-Event-ID",
        description="The id of the last event received: the events after it are sent first"
        " (EventSource sends it by itself when it reconnects)",
        max_length=64,
    ),
]


@get(
    "/events",
    summary="Your task events as a server-sent event stream",
    description=(
        "A text/event-stream that stays open: first a comment and `retry: 3000`, then one"
        " event per change of one of your tasks, `event: task` with an `id:` and `data:` a"
        " JSON TaskEvent ({type: task.created | task.updated | task.deleted, task}). Send the"
        " last id as Last-Event-ID to get what you missed first. Browsers cannot send"
        " headers here, so the token may also be `?token=`. The same events arrive as"
        " WebSocket text messages on /events/ws (OpenAPI cannot describe a WebSocket)."
    ),
    tags=["events"],
    operation_id="streamEvents",
    responses={
        200: ResponseSpec(
            str,
            media_type="text/event-stream",
            description="The stream of events",
            examples=[Example(value=EVENT_EXAMPLE)],
        ),
        **errors(401, 429, database=False),
    },
    operation_class=documented(headers={429: RETRY_AFTER}),
)
async def events_stream(
    request: Request[SignedIn, Token, State],
    channels: NamedDependency[LiveEvents],
    stream_slots: NamedDependency[StreamSlots],
    last_event_id: LastEventID = None,
) -> ServerSentEvent:
    channel = channels.channel_of(request.user.id)
    release = stream_slots.take(request.user.id)
    if release is None:
        raise TooManyRequestsException(
            "Too many open event connections; close one first", headers={"Retry-After": "10"}
        )

    async def stream() -> AsyncIterator[ServerSentEventMessage]:
        try:
            # Opened inside the generator: it must live as long as the stream (lesson 10).
            async with channels.start_subscription(channel) as subscriber:
                # data=None: no `data:` line, which a browser would dispatch as empty.
                yield ServerSentEventMessage(comment="subscribed", data=None, retry=3000)
                missed = await channels.events.history_after(channel, last_event_id or "")
                newest = (0, 0)
                # Subscribed first, then the history: an event may come both ways, once.
                for message in missed:
                    event_id, event = split_event(message)
                    newest = event_order(event_id)
                    yield ServerSentEventMessage(data=event.decode(), event="task", id=event_id)
                async for message in subscriber.iter_events():
                    event_id, event = split_event(message)
                    if event_order(event_id) > newest:
                        yield ServerSentEventMessage(data=event.decode(), event="task", id=event_id)
        finally:
            release()

    # Also released if the stream never starts (the client left first).
    return ServerSentEvent(stream(), background=BackgroundTask(release))
