"""Step 02: the listener decodes typed messages, replies as JSON, and runs its hooks."""

from typing import Annotated

import msgspec
import pytest
from litestar import Litestar, websocket_listener
from litestar.dto import MsgspecDTO
from litestar.exceptions import WebSocketDisconnect
from litestar.testing import TestClient

from lessons.l09_websockets.step02_listener import ONLINE, Reply, app
from tests.lessons.l09_websockets.conversation import Conversation
from tests.transcripts import MakeTranscript


def test_each_message_gets_a_typed_reply(transcript: MakeTranscript) -> None:
    record = transcript("l09_websockets/words")
    talk = Conversation()
    with TestClient(app) as client, client.websocket_connect("/words") as session:
        you = talk.client(session)
        welcome = you.receive_json()
        you.send('{"text": "hello big wide world"}')
        first = you.receive_json()
        you.send('{"text": "again"}')
        second = you.receive_json()
    record.add_text(talk.text)

    assert welcome == {"online": 1}
    assert first == {"text": "hello big wide world", "words": 4}
    assert second == {"text": "again", "words": 1}


def test_on_accept_and_on_disconnect_keep_the_online_count() -> None:
    with TestClient(app) as client, client.websocket_connect("/words") as first:
        assert first.receive_json() == {"online": 1}
        with client.websocket_connect("/words") as second:
            assert second.receive_json() == {"online": 2}
            second.send_text("not json")
            with pytest.raises(WebSocketDisconnect, match="JSON is malformed"):
                second.receive()
        # The server closed `second` after on_disconnect ran: one left.
        assert len(ONLINE) == 1
    # Leaving the client waits for every connection to finish: on_disconnect ran for all.
    assert not ONLINE


@pytest.mark.parametrize(
    ("sent", "reason"),
    [
        ("hello", "JSON is malformed: invalid character (byte 0)"),
        ('{"text": 5}', "Expected `str`, got `int` - at `$.text`"),
        ('{"text": ""}', "Expected `str` of length >= 1 - at `$.text`"),
        ('{"text": "hi", "shout": true}', "Object contains unknown field `shout`"),
        ("{}", "Object missing required field `text`"),
        ('["hi"]', "Expected `object`, got `array`"),
    ],
)
def test_bad_messages_close_with_1007_and_say_why(sent: str, reason: str) -> None:
    with TestClient(app) as client, client.websocket_connect("/words") as session:
        you = Conversation().client(session)
        you.receive_json()
        you.send(sent)
        closed = you.closed()

    assert (closed.code, closed.detail) == (1007, reason)


def test_a_message_over_500_characters_is_refused() -> None:
    with TestClient(app) as client, client.websocket_connect("/words") as session:
        you = Conversation().client(session)
        you.receive_json()
        you.send(msgspec.json.encode({"text": "x" * 501}).decode())
        closed = you.closed()

    assert (closed.code, closed.detail) == (1007, "Expected `str` of length <= 500 - at `$.text`")


def test_bad_messages_transcript(transcript: MakeTranscript) -> None:
    record = transcript("l09_websockets/words-bad")
    talk = Conversation()
    with TestClient(app) as client:
        for sent in ['{"text": 5}', '{"txt": "hello"}']:
            with client.websocket_connect("/words") as session:
                you = talk.client(session)
                you.receive_json()
                you.send(sent)
                you.closed()
    record.add_text(talk.text)


class Message(msgspec.Struct):
    text: Annotated[str, msgspec.Meta(min_length=1)]


def test_a_model_annotation_alone_does_not_convert_data() -> None:
    received: list[object] = []

    @websocket_listener("/words")
    async def count_words(data: Message) -> Reply:
        received.append(data)
        return Reply(text=data.text, words=len(data.text.split()))

    with (
        TestClient(Litestar([count_words], logging_config=None)) as client,
        client.websocket_connect("/words") as session,
    ):
        session.send_text('{"text": "hello world"}')
        you = Conversation().client(session)
        closed = you.closed()

    # The listener only parses JSON: the handler gets a dict, and `data.text` fails.
    assert received == [{"text": "hello world"}]
    assert (closed.code, closed.detail) == (4500, "Internal Server Error")


def test_a_dto_converts_but_bad_data_closes_with_4500() -> None:
    @websocket_listener("/words", dto=MsgspecDTO[Message])
    async def count_words(data: Message) -> Reply:
        return Reply(text=data.text, words=len(data.text.split()))

    with TestClient(Litestar([count_words], logging_config=None)) as client:
        with client.websocket_connect("/words") as session:
            session.send_text('{"text": "hello world"}')
            assert session.receive_json() == {"text": "hello world", "words": 2}
        with client.websocket_connect("/words") as session:
            session.send_text('{"text": ""}')
            closed = Conversation().client(session).closed()

    # The reason is useful, but 4500 is the code Litestar uses for a server error.
    assert (closed.code, closed.detail) == (4500, "Expected `str` of length >= 1 - at `$.text`")
