"""Step 04: drive a WebSocket from a test with websocket_connect."""

import pytest
from litestar.exceptions import WebSocketDisconnect
from litestar.testing import AsyncTestClient, TestClient

from lessons.l14_testing.step04_echo import app
from tests.transcripts import MakeTranscript


# --8<-- [start:conversation]
def test_every_message_comes_back(transcript: MakeTranscript) -> None:
    record = transcript("l14_testing/echo")
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
    record = transcript("l14_testing/echo-bye")
    record.add_text(f"> bye\nclosed {closed.value.code}: {closed.value.detail}")

    assert closed.value.code == 1000
    assert closed.value.detail == "goodbye"


# --8<-- [end:conversation]


# --8<-- [start:async-websocket]
@pytest.mark.anyio
async def test_the_async_client_hands_back_the_same_blocking_session() -> None:
    async with AsyncTestClient(app) as client:
        session = await client.websocket_connect("/echo")  # awaited, but...
        with pytest.raises(TypeError, match="asynchronous context manager"):
            async with session:  # type: ignore[attr-defined]
                pass
        with await client.websocket_connect("/echo") as socket:  # ...a plain `with`
            greeting = socket.receive_text()  # and blocking calls, no `await`

    assert greeting == "connected"


# --8<-- [end:async-websocket]
