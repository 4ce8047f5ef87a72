"""Step 04: binary, oversized, invalid and off-limits input each close with their own code."""

from typing import Any

import pytest
from litestar import Litestar, WebSocket, websocket
from litestar.testing import TestClient

from lessons.l08_websockets.step04_close_codes import MAX_FRAME, app
from tests.lessons.l08_websockets.conversation import Conversation
from tests.transcripts import MakeTranscript


def test_the_room_still_works() -> None:
    with (
        TestClient(app) as client,
        client.websocket_connect("/rooms/help?name=ada") as ada,
        client.websocket_connect("/rooms/help?name=bob") as bob,
    ):
        assert ada.receive_json() == {"event": "joined", "name": "ada"}
        assert bob.receive_json() == {"event": "joined", "name": "bob"}
        assert ada.receive_json() == {"event": "joined", "name": "bob"}
        bob.send_text('{"text": "how do I close a socket?"}')
        expected = {"from": "bob", "text": "how do I close a socket?"}
        assert bob.receive_json() == expected
        assert ada.receive_json() == expected


def test_each_bad_frame_gets_its_own_code(transcript: MakeTranscript) -> None:
    record = transcript("l08_websockets/close-codes")
    talk = Conversation()
    with TestClient(app) as client:
        with client.websocket_connect("/rooms/lobby?name=ada") as session:
            ada = talk.client(session, "ada")
            ada.receive_json()
            ada.send_bytes(b"\x01\x02")
            binary = ada.closed()
        with client.websocket_connect("/rooms/lobby?name=bob") as session:
            bob = talk.client(session, "bob")
            bob.receive_json()
            bob.send('{"text": 42}')
            invalid = bob.closed()
        with client.websocket_connect("/rooms/kitchen?name=cy") as session:
            refused = talk.client(session, "cy").closed()
    record.add_text(talk.text)

    assert (binary.code, binary.detail) == (1003, "Send text frames")
    assert (invalid.code, invalid.detail) == (1007, "Expected `str`, got `int` - at `$.text`")
    assert (refused.code, refused.detail) == (1008, "No room 'kitchen'")


def test_an_oversized_frame_is_refused_before_it_is_parsed() -> None:
    with (
        TestClient(app) as client,
        client.websocket_connect("/rooms/lobby?name=ada") as session,
    ):
        ada = Conversation().client(session)
        ada.receive_json()
        ada.send("x" * (MAX_FRAME + 1))  # not even JSON: its size is checked first
        closed = ada.closed()

    assert (closed.code, closed.detail) == (1009, "Frames are limited to 2000 characters")


@pytest.mark.parametrize("frame", ['{"text": ""}', '{"text": "hi"} trailing', ""])
def test_invalid_text_frames_close_with_1007(frame: str) -> None:
    with (
        TestClient(app) as client,
        client.websocket_connect("/rooms/lobby?name=ada") as session,
    ):
        ada = Conversation().client(session)
        ada.receive_json()
        ada.send(frame)
        closed = ada.closed()

    assert closed.code == 1007


def test_one_clients_bad_frame_leaves_the_others_connected() -> None:
    with TestClient(app) as client, client.websocket_connect("/rooms/lobby?name=ada") as ada:
        ada.receive_json()
        with client.websocket_connect("/rooms/lobby?name=bob") as bob:
            bob.receive_json()
            ada.receive_json()
            bob.send_bytes(b"binary")
            assert Conversation().client(bob).closed().code == 1003
        assert ada.receive_json() == {"event": "left", "name": "bob"}
        ada.send_text('{"text": "fine"}')
        assert ada.receive_json() == {"from": "ada", "text": "fine"}


# --8<-- [start:pitfall-crash]
def test_an_unexpected_exception_closes_with_4500_not_1011() -> None:
    @websocket("/broken")
    async def broken(socket: WebSocket[Any, Any, Any]) -> None:
        await socket.accept()
        await socket.receive_data(mode="text")
        raise RuntimeError("a bug, with secrets in its message")

    with TestClient(Litestar([broken], logging_config=None)) as client:
        with client.websocket_connect("/broken") as session:
            session.send_text("hello")
            closed = Conversation().client(session).closed()
        # The server is fine: the next connection is served as usual.
        with client.websocket_connect("/broken") as session:
            session.send_text("hello")
            again = Conversation().client(session).closed()

    # Litestar sends 4000 + HTTP 500, and never the exception's own message.
    assert (closed.code, closed.detail) == (4500, "Internal Server Error")
    assert again.code == 4500


# --8<-- [end:pitfall-crash]
