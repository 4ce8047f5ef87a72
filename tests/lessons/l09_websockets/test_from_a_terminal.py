"""The page's terminal session, replayed against a real server started by the runner."""

import sys

import pytest
from websockets.exceptions import ConnectionClosedOK, InvalidStatus
from websockets.frames import Close
from websockets.sync.client import connect

from tests.servers import free_port, serving
from tests.transcripts import MakeTranscript


def test_shout_from_a_terminal(transcript: MakeTranscript) -> None:
    record = transcript("l09_websockets/terminal")
    port = free_port()
    command = [sys.executable, "-m", "lessons", "run", "9", "--no-reload", "--port", str(port)]
    with serving(command, port), connect(f"ws://127.0.0.1:{port}/shout") as socket:
        # The same lines `python -m websockets` prints, built from what the server sent.
        url = "ws://127.0.0.1:8000/shout"
        lines = [f"$ python -m websockets {url}", f"Connected to {url}."]
        for text in ["hello", "bye"]:
            lines.append(f"> {text}")
            socket.send(text)
            if text != "bye":
                lines.append(f"< {socket.recv(decode=True)}")
        with pytest.raises(ConnectionClosedOK):  # the server closed it, normally
            socket.recv()
        close = Close(socket.close_code or 0, socket.close_reason or "")
        lines.append(f"Connection closed: {close}.")
    record.add_text("\n".join(lines))

    assert (close.code, close.reason) == (1000, "goodbye")


def test_a_real_server_refuses_a_connection_that_fails_validation() -> None:
    port = free_port()
    command = [sys.executable, "-m", "lessons", "run", "8", "3", "--no-reload", "--port", str(port)]
    with serving(command, port), pytest.raises(InvalidStatus) as refused:
        connect(f"ws://127.0.0.1:{port}/rooms/lobby")

    # Closed before it was accepted: the handshake fails with HTTP 403, no reason given.
    assert refused.value.response.status_code == 403


def test_uvicorn_limits_frames_to_16_mib_by_default() -> None:
    from uvicorn import Config  # noqa: PLC0415

    assert Config("lessons.l09_websockets.step04_close_codes:app").ws_max_size == 16 * 1024 * 1024
