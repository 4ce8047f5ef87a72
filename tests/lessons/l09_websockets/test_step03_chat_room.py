"""Step 03: two clients in one room both receive every message, joins and leaves."""

import asyncio
import queue
from typing import Any

import pytest
from litestar import Litestar, WebSocket, websocket
from litestar.channels import ChannelsPlugin
from litestar.channels.backends.memory import MemoryChannelsBackend
from litestar.di import NamedDependency
from litestar.exceptions import WebSocketDisconnect
from litestar.params import FromPath
from litestar.testing import AsyncTestClient, TestClient, WebSocketTestSession

from lessons.l09_websockets.step03_chat_room import app
from tests.lessons.l09_websockets.conversation import Conversation
from tests.transcripts import MakeTranscript


def test_two_clients_receive_each_others_messages(transcript: MakeTranscript) -> None:
    record = transcript("l09_websockets/chat")
    talk = Conversation()
    with (
        TestClient(app) as client,
        client.websocket_connect("/rooms/lobby?name=ada") as ada_session,
    ):
        ada = talk.client(ada_session, "ada")
        assert ada.receive_json() == {"event": "joined", "name": "ada"}
        with client.websocket_connect("/rooms/lobby?name=bob") as bob_session:
            bob = talk.client(bob_session, "bob")
            # Once bob hears his own arrival, he is subscribed: nothing can be missed.
            assert bob.receive_json() == {"event": "joined", "name": "bob"}
            assert ada.receive_json() == {"event": "joined", "name": "bob"}
            ada.send('{"text": "hi bob"}')
            assert ada.receive_json() == {"from": "ada", "text": "hi bob"}
            assert bob.receive_json() == {"from": "ada", "text": "hi bob"}
            bob.send('{"text": "hello ada"}')
            assert bob.receive_json() == {"from": "bob", "text": "hello ada"}
            assert ada.receive_json() == {"from": "bob", "text": "hello ada"}
        assert ada.receive_json() == {"event": "left", "name": "bob"}
    record.add_text(talk.text)


def test_rooms_are_separate() -> None:
    with (
        TestClient(app) as client,
        client.websocket_connect("/rooms/lobby?name=ada") as ada,
        client.websocket_connect("/rooms/help?name=bob") as bob,
    ):
        ada.receive_json()
        bob.receive_json()
        bob.send_text('{"text": "anyone?"}')
        assert bob.receive_json() == {"from": "bob", "text": "anyone?"}
        ada.send_text('{"text": "lobby only"}')
        # The next thing ada hears is her own message, not bob's.
        assert ada.receive_json() == {"from": "ada", "text": "lobby only"}


def test_bad_data_closes_only_the_sender_and_the_room_hears_it_left(
    transcript: MakeTranscript,
) -> None:
    record = transcript("l09_websockets/chat-bad")
    talk = Conversation()
    with (
        TestClient(app) as client,
        client.websocket_connect("/rooms/lobby?name=ada") as ada_session,
    ):
        ada = talk.client(ada_session, "ada")
        ada.receive_json()
        with client.websocket_connect("/rooms/lobby?name=bob") as bob_session:
            bob = talk.client(bob_session, "bob")
            bob.receive_json()
            ada.receive_json()
            bob.send("hi everyone")
            closed = bob.closed()
        assert ada.receive_json() == {"event": "left", "name": "bob"}
        ada.send('{"text": "still here"}')
        assert ada.receive_json() == {"from": "ada", "text": "still here"}
    record.add_text(talk.text)

    assert (closed.code, closed.detail) == (1007, "JSON is malformed: invalid character (byte 0)")


# --8<-- [start:pitfall-query]
MISSPELT = "/rooms/lobby?nmae=ada"  # `name` is required, and missing
REASON = "Missing required query parameter 'name' for path /rooms/lobby?nmae=ada"
# --8<-- [end:pitfall-query]


def test_a_missing_query_parameter_refuses_the_connection() -> None:
    with (
        TestClient(app) as client,
        pytest.raises(WebSocketDisconnect) as refused,
        client.websocket_connect(MISSPELT),
    ):
        raise AssertionError("never reached: connecting fails")

    # Validation fails before the handler runs, so the connection is never accepted.
    # The test client shows Litestar's close; a real server turns a close before
    # accept into an HTTP 403, and the reason never reaches the client.
    assert (refused.value.code, refused.value.detail) == (4500, REASON)


def test_subscribing_to_an_undeclared_channel_closes_with_4500() -> None:
    @websocket("/rooms/{room:str}")
    async def chat(
        socket: WebSocket[Any, Any, Any],
        room: FromPath[str],
        channels: NamedDependency[ChannelsPlugin],
    ) -> None:
        await socket.accept()
        async with channels.start_subscription(room):
            raise AssertionError("never reached")

    plugin = ChannelsPlugin(backend=MemoryChannelsBackend(), channels=["lobby"])
    with (
        TestClient(Litestar([chat], plugins=[plugin], logging_config=None)) as client,
        client.websocket_connect("/rooms/kitchen") as session,
    ):
        closed = Conversation().client(session).closed()

    # Without arbitrary_channels_allowed=True only declared channels exist.
    assert closed.code == 4500
    assert closed.detail.startswith("Unknown channel: 'kitchen'")


# --8<-- [start:async-client]
@pytest.mark.anyio
async def test_the_async_client_opens_websockets_with_the_same_blocking_session() -> None:
    async with AsyncTestClient(app) as client:
        session = await client.websocket_connect("/rooms/lobby?name=ada")  # awaited...
        assert isinstance(session, WebSocketTestSession)  # ...the sync client's session
        with session as ada, await client.websocket_connect("/rooms/lobby?name=bob") as bob:
            assert ada.receive_json() == {"event": "joined", "name": "ada"}  # no await
            assert bob.receive_json() == {"event": "joined", "name": "bob"}
            assert ada.receive_json() == {"event": "joined", "name": "bob"}


# --8<-- [end:async-client]


@pytest.mark.anyio
async def test_a_receive_blocks_the_tests_event_loop() -> None:
    ticks: list[int] = []

    async def tick() -> None:
        while True:
            ticks.append(1)
            await asyncio.sleep(0.01)

    async with AsyncTestClient(app) as client:
        with await client.websocket_connect("/rooms/lobby?name=ada") as ada:
            ada.receive_json()
            ticker = asyncio.create_task(tick())
            await asyncio.sleep(0.05)
            before = len(ticks)
            with pytest.raises(queue.Empty):
                ada.receive_text(timeout=0.3)  # nobody else is in the room: nothing comes
            during = len(ticks) - before
            ticker.cancel()

    # The app runs in the client's portal thread, so it is not stuck; but the test's
    # own loop is: for 0.3 s no other task of the test ran.
    assert before > 0
    assert during == 0
