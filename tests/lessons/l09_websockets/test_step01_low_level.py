"""Step 01: a raw handler accepts, answers text and JSON, and closes with a code and reason."""

from typing import Any

import pytest
from litestar import Litestar, WebSocket, websocket
from litestar.exceptions import ImproperlyConfiguredException
from litestar.testing import TestClient

from lessons.l09_websockets.step01_low_level import app
from tests.lessons.l09_websockets.conversation import Conversation
from tests.transcripts import MakeTranscript


def test_shout_answers_each_message_then_says_goodbye(transcript: MakeTranscript) -> None:
    record = transcript("l09_websockets/shout")
    talk = Conversation()
    with TestClient(app) as client, client.websocket_connect("/shout") as session:
        you = talk.client(session)
        you.send("hello")
        first = you.receive()
        you.send("websockets are fun")
        second = you.receive()
        you.send("bye")
        closed = you.closed()
    record.add_text(talk.text)

    assert [first, second] == ["HELLO", "WEBSOCKETS ARE FUN"]
    assert (closed.code, closed.detail) == (1000, "goodbye")


def test_a_client_that_leaves_ends_the_loop_quietly() -> None:
    with TestClient(app) as client:
        with client.websocket_connect("/shout") as session:
            session.send_text("one")
            assert session.receive_text() == "ONE"
        # The handler returned instead of failing: the next client is served normally.
        with client.websocket_connect("/shout") as session:
            session.send_text("two")
            assert session.receive_text() == "TWO"


def test_total_answers_json_and_closes_normally(transcript: MakeTranscript) -> None:
    record = transcript("l09_websockets/total")
    talk = Conversation()
    with TestClient(app) as client, client.websocket_connect("/total") as session:
        you = talk.client(session)
        you.send("[1, 2, 3.5]")
        answer = you.receive_json()
        closed = you.closed()
    record.add_text(talk.text)

    assert answer == {"count": 3, "total": 6.5}
    assert (closed.code, closed.detail) == (1000, "done")


@pytest.mark.parametrize(
    ("sent", "reason"),
    [
        ("oops", "JSON is malformed: invalid character (byte 0)"),
        ('{"numbers": [1, 2]}', "Expected `array`, got `object`"),
        ('[1, "two"]', "Expected `float`, got `str` - at `$[1]`"),
    ],
)
def test_bad_json_closes_with_1007_and_says_why(sent: str, reason: str) -> None:
    with TestClient(app) as client, client.websocket_connect("/total") as session:
        talk = Conversation().client(session)
        talk.send(sent)
        closed = talk.closed()

    assert (closed.code, closed.detail) == (1007, reason)


def test_bad_json_transcript(transcript: MakeTranscript) -> None:
    record = transcript("l09_websockets/total-bad")
    talk = Conversation()
    with TestClient(app) as client, client.websocket_connect("/total") as session:
        you = talk.client(session)
        you.send('[1, "two"]')
        you.closed()
    record.add_text(talk.text)


def test_the_connection_parameter_must_be_called_socket() -> None:
    @websocket("/shout")
    async def shout(ws: WebSocket[Any, Any, Any]) -> None: ...

    # The app refuses to start: the handler is checked when it is registered.
    with pytest.raises(ImproperlyConfiguredException, match="must define a 'socket' parameter"):
        Litestar([shout])


def test_receive_data_without_a_mode_closes_the_connection_with_4500() -> None:
    @websocket("/echo")
    async def echo(socket: WebSocket[Any, Any, Any]) -> None:
        await socket.accept()
        text = await socket.receive_data()  # type: ignore[call-overload]
        await socket.send_text(text)

    with (
        TestClient(Litestar([echo], logging_config=None)) as client,
        client.websocket_connect("/echo") as session,
    ):
        talk = Conversation().client(session)
        talk.send("hello")
        closed = talk.closed()

    # A TypeError in the handler: the client is told only "Internal Server Error".
    assert (closed.code, closed.detail) == (4500, "Internal Server Error")


# --8<-- [start:pitfall-binary]
def test_a_binary_frame_reaches_a_text_handler_as_an_empty_string() -> None:
    with TestClient(app) as client, client.websocket_connect("/shout") as session:
        session.send_bytes(b"hello")
        answer = session.receive_text()

    # receive_data(mode="text") returns "" for a binary frame: no error, no data.
    assert answer == ""


# --8<-- [end:pitfall-binary]
