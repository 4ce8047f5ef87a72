"""Step 04: binary, oversized, invalid and off-limits input each close with their own code."""

from typing import Any

import pytest
from litestar import Litestar, Request, Response, WebSocket, websocket
from litestar.exceptions import (
    HTTPException,
    ImproperlyConfiguredException,
    NotFoundException,
    ValidationException,
    WebSocketException,
)
from litestar.params import FromPath
from litestar.status_codes import WS_1008_POLICY_VIOLATION
from litestar.testing import TestClient

from lessons.l09_websockets.step04_close_codes import MAX_FRAME, app
from tests.lessons.l09_websockets.conversation import Conversation
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
    record = transcript("l09_websockets/close-codes")
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


def test_an_unexpected_exception_closes_with_4500_and_a_generic_reason() -> None:
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

    # Litestar sends 4000 + HTTP 500; a RuntimeError's message stays on the server.
    assert (closed.code, closed.detail) == (4500, "Internal Server Error")
    assert again.code == 4500


# --8<-- [start:pitfall-leak]
SECRET = "no row in accounts_v2 for 'kitchen' (db 10.0.0.5)"


async def find_room(name: str) -> str:
    raise NotFoundException(SECRET)  # a detail written for the log, not for a client


# --8<-- [end:pitfall-leak]
# --8<-- [start:safe]
async def join(name: str) -> str:
    try:
        return await find_room(name)
    except NotFoundException:  # translate: the client gets a code and words chosen for it
        raise WebSocketException(code=WS_1008_POLICY_VIOLATION, detail="No such room") from None


# --8<-- [end:safe]


@pytest.mark.parametrize(
    "error",
    [
        NotFoundException(SECRET),
        ValidationException(SECRET),
        HTTPException(SECRET, status_code=503),
        ImproperlyConfiguredException(SECRET),  # a LitestarException, not an HTTPException
    ],
    ids=lambda error: type(error).__name__,
)
def test_a_litestar_exception_closes_with_its_detail_as_the_reason(error: Exception) -> None:
    @websocket("/rooms/{room:str}")
    async def leaky(socket: WebSocket[Any, Any, Any], room: FromPath[str]) -> None:
        await socket.accept()
        raise error

    with (
        TestClient(Litestar([leaky], logging_config=None)) as client,
        client.websocket_connect("/rooms/kitchen") as session,
    ):
        closed = Conversation().client(session).closed()

    # The exception middleware uses `detail` as the close reason for every
    # LitestarException, so whatever the detail says reaches the client.
    assert closed.code == 4500
    assert closed.detail == SECRET


def test_the_leak_through_a_helper_and_the_translated_close() -> None:
    @websocket("/leaky/{room:str}")
    async def leaky(socket: WebSocket[Any, Any, Any], room: FromPath[str]) -> None:
        await socket.accept()
        await find_room(room)

    @websocket("/safe/{room:str}")
    async def safe(socket: WebSocket[Any, Any, Any], room: FromPath[str]) -> None:
        await socket.accept()
        await join(room)

    with TestClient(Litestar([leaky, safe], logging_config=None)) as client:
        with client.websocket_connect("/leaky/kitchen") as session:
            leaked = Conversation().client(session).closed()
        with client.websocket_connect("/safe/kitchen") as session:
            translated = Conversation().client(session).closed()

    assert (leaked.code, leaked.detail) == (4500, SECRET)
    assert (translated.code, translated.detail) == (1008, "No such room")


def test_exception_handlers_do_not_apply_to_websockets() -> None:
    @websocket("/rooms/{room:str}")
    async def leaky(socket: WebSocket[Any, Any, Any], room: FromPath[str]) -> None:
        await socket.accept()
        await find_room(room)

    def hide(request: Request[Any, Any, Any], exc: Exception) -> Response[str]:
        raise AssertionError("never called for a WebSocket")

    app = Litestar([leaky], exception_handlers={HTTPException: hide}, logging_config=None)
    with TestClient(app) as client, client.websocket_connect("/rooms/kitchen") as session:
        closed = Conversation().client(session).closed()

    assert closed.detail == SECRET
