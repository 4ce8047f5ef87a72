"""Live updates: the signed-in user's task events, over a WebSocket or server-sent events.

Each user has a channel of their own; a client can only ever subscribe to the channel of
the user its token names, so nobody hears anybody else's events.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, cast

from litestar import Request, WebSocket, get, websocket
from litestar.channels import ChannelsPlugin
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example
from litestar.response import ServerSentEvent, ServerSentEventMessage
from litestar.security.jwt import Token
from litestar.types import Message, Scope, WebSocketReceiveEvent

from capstone.domain.tasks import TaskEvent
from capstone.domain.users import User
from capstone.http.openapi import documented
from capstone.http.schemas import encode_event, errors

EVENT_EXAMPLE = (
    ": subscribed\r\nretry: 3000\r\n\r\n"
    'event: task\r\ndata: {"type":"task.created","task":{"id":1,"title":"Write the report",'
    '"version":1}}\r\n\r\n'
)


def channel_of(user_id: int) -> str:
    return f"user:{user_id}"


# --8<-- [start:publish-after-commit]
def publish_after_commit(channels: ChannelsPlugin, commit: Any) -> Any:
    """Wrap the plugin's commit step: publish the request's events only once committed."""

    async def before_send(message: Message, scope: Scope) -> None:
        await commit(message, scope)
        if message["type"] == "http.response.start" and 200 <= message["status"] < 300:
            outbox: list[TaskEvent] = scope.get("state", {}).pop("outbox", [])
            for event in outbox:
                channels.publish(encode_event(event.kind, event.task), channel_of(event.owner_id))

    return before_send
    # --8<-- [end:publish-after-commit]


@websocket("/events/ws", summary="Your task events as WebSocket text messages", tags=["events"])
async def events_socket(
    socket: WebSocket[User, Token, State], channels: NamedDependency[ChannelsPlugin]
) -> None:
    async with channels.start_subscription(channel_of(socket.user.id)) as subscriber:
        # Subscribed before accepting: once connected, a client misses none of its events.
        await socket.accept()
        async with subscriber.run_in_background(socket.send_text, join=False):
            await ignore_until_closed(socket)


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


@get(
    "/events",
    summary="Your task events as a server-sent event stream",
    description=(
        "A text/event-stream that stays open: first a comment and `retry: 3000`, then one"
        " event per change of one of your tasks, `event: task` with `data:` a JSON"
        " TaskEvent ({type: task.created | task.updated | task.deleted, task}). Browsers"
        " cannot send headers here, so the token may also be `?token=`. The same events"
        " arrive as WebSocket text messages on /events/ws (OpenAPI cannot describe a"
        " WebSocket)."
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
        **errors(401, database=False),
    },
    operation_class=documented(),
)
async def events_stream(
    request: Request[User, Token, State], channels: NamedDependency[ChannelsPlugin]
) -> ServerSentEvent:
    channel = channel_of(request.user.id)

    async def stream() -> AsyncIterator[ServerSentEventMessage]:
        # Opened inside the generator: it must live as long as the stream (lesson 09).
        async with channels.start_subscription(channel) as subscriber:
            # data=None: no `data:` line, which a browser would dispatch as an empty message.
            yield ServerSentEventMessage(comment="subscribed", data=None, retry=3000)
            async for event in subscriber.iter_events():
                yield ServerSentEventMessage(data=event.decode(), event="task")

    return ServerSentEvent(stream())
