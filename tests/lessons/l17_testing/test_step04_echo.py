"""Step 04: drive a WebSocket from a test with websocket_connect."""

import queue
from typing import Any

import anyio
import pytest
from litestar import Litestar, WebSocket, websocket
from litestar.exceptions import WebSocketDisconnect
from litestar.testing import AsyncTestClient, TestClient, WebSocketTestSession

from lessons.l17_testing.step04_echo import app
from tests.transcripts import MakeTranscript


# --8<-- [start:conversation]
def test_every_message_comes_back(transcript: MakeTranscript) -> None:
    record = transcript("l17_testing/echo")
    log: list[str] = []
    with TestClient(app) as client, client.websocket_connect("/echo") as socket:
        log.append(f"< {socket.receive_text()}")
        for text in ["hello", "still there?"]:
            socket.send_text(text)
            log.append(f"> {text}")
            log.append(f"< {socket.receive_text()}")
    record.add_text("connected to ws://127.0.0.1:8000/echo\n" + "\n".join(log))

    assert log == [
        "< connected",
        "> hello",
        "< echo: hello",
        "> still there?",
        "< echo: still there?",
    ]


def test_bye_closes_the_connection_with_1000_and_a_reason(transcript: MakeTranscript) -> None:
    with TestClient(app) as client, client.websocket_connect("/echo") as socket:
        socket.receive_text()
        socket.send_text("bye")
        # The server's close arrives as an exception on the next receive.
        with pytest.raises(WebSocketDisconnect) as closed:
            socket.receive_text()
    record = transcript("l17_testing/echo-bye")
    record.add_text(f"> bye\nclosed {closed.value.code}: {closed.value.detail}")

    assert closed.value.code == 1000
    assert closed.value.detail == "goodbye"


# --8<-- [end:conversation]


# --8<-- [start:async-websocket]
@pytest.mark.anyio
async def test_the_async_client_opens_the_same_blocking_session() -> None:
    async with AsyncTestClient(app) as client:
        session = await client.websocket_connect("/echo")
        assert type(session) is WebSocketTestSession  # what TestClient returns too
        with pytest.raises(TypeError, match="asynchronous context manager"):
            async with session:  # type: ignore[attr-defined]
                pass
        with await client.websocket_connect("/echo") as socket:  # a plain `with`
            greeting = socket.receive_text()  # a plain call: nothing to await
            socket.send_text("hello")
            echoed = socket.receive_text()

    assert (greeting, echoed) == ("connected", "echo: hello")


@pytest.mark.anyio
async def test_receiving_blocks_the_tests_event_loop() -> None:
    ran: list[str] = []

    async def another_task() -> None:
        ran.append("ran")

    async with AsyncTestClient(app) as client:
        with await client.websocket_connect("/echo") as socket:
            async with anyio.create_task_group() as tasks:
                tasks.start_soon(another_task)
                socket.receive_text()  # waits for the app's thread, holding the loop
                assert ran == []  # so the task started before it has not run yet
    assert ran == ["ran"]  # it ran as soon as the test awaited something


# --8<-- [end:async-websocket]


@pytest.mark.anyio
async def test_awaiting_websocket_connect_does_not_call_the_handler_yet() -> None:
    calls: list[str] = []

    @websocket("/count")
    async def count(socket: WebSocket[Any, Any, Any]) -> None:
        calls.append("connected")
        await socket.accept()
        await socket.close()

    async with AsyncTestClient(Litestar([count])) as client:
        session = await client.websocket_connect("/count")
        before = list(calls)
        with session:
            pass

    assert (before, calls) == ([], ["connected"])


@pytest.mark.anyio
async def test_a_timeout_bounds_how_long_receiving_blocks() -> None:
    async with AsyncTestClient(app) as client:
        with await client.websocket_connect("/echo") as socket:
            socket.receive_text()  # the greeting; nothing else comes until we send
            with pytest.raises(queue.Empty):
                socket.receive_text(timeout=0.05)
