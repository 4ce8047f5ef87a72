"""Step 04: a disconnect runs the generator's `finally`; a yield dependency does not wait."""

import asyncio
import sys
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any, cast

import httpx
import pytest
from litestar import Litestar, get
from litestar.di import NamedDependency, Provide
from litestar.exceptions import LitestarException
from litestar.response import ServerSentEvent
from litestar.testing import TestClient
from litestar.types import ASGIApp, Receive, Scope, Send

from lessons.l10_server_sent_events.step04_disconnect import STREAMS, app
from tests.lessons.l10_server_sent_events.events import Event, parse_events
from tests.servers import BIN, free_port, serving
from tests.transcripts import SERVER, MakeTranscript

Message = dict[str, Any]  # ASGI messages, kept loose: a test reads any key it likes

MODULE = "lessons.l10_server_sent_events.step04_disconnect"


async def serve_once(
    asgi_app: ASGIApp, path: str, sent: list[Message], *, hang_up_after_first_event: bool
) -> None:
    """Call the app as a server would, keeping every message it sends in `sent`."""
    hang_up = asyncio.Event()
    request_sent = False

    async def receive() -> Message:
        nonlocal request_sent
        if not request_sent:
            request_sent = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await hang_up.wait()
        return {"type": "http.disconnect"}  # what a server says when the client has gone

    async def send(message: Message) -> None:
        sent.append(message)
        if message["type"] == "http.response.body" and (
            hang_up_after_first_event or not message.get("more_body", False)
        ):
            hang_up.set()

    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1:8000")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "state": {},
        "extensions": {},
    }
    # A guard, not a measurement: if the stream were not cancelled, fail instead of hanging.
    await asyncio.wait_for(
        asgi_app(cast(Scope, scope), cast(Receive, receive), cast(Send, send)), timeout=10
    )


def bodies(sent: list[Message]) -> list[bytes]:
    return [message["body"] for message in sent if message["type"] == "http.response.body"]


def test_a_disconnect_runs_the_generators_finally() -> None:
    sent: list[Message] = []
    asyncio.run(serve_once(app, "/ticks", sent, hang_up_after_first_event=True))

    assert sent[0]["status"] == 200
    # One event went out; then the endless generator was cancelled while it waited,
    # and its `finally` released what it held. No end-of-body message followed.
    assert bodies(sent) == [b"id: 1\r\nevent: tick\r\ndata: 1\r\n\r\n"]
    assert STREAMS == {"open": 0, "closed": 1}


def test_the_disconnect_arrives_as_cancelled_error_where_the_generator_waits() -> None:
    seen: list[str] = []

    async def waits_forever() -> AsyncIterator[str]:
        try:
            yield "first"
            await asyncio.Event().wait()  # nothing will ever set it
        finally:
            seen.append(type(sys.exc_info()[1]).__name__)

    @get("/wait")
    async def wait() -> ServerSentEvent:
        return ServerSentEvent(waits_forever())

    sent: list[Message] = []
    asyncio.run(serve_once(Litestar([wait]), "/wait", sent, hang_up_after_first_event=True))

    assert seen == ["CancelledError"]


def test_the_counts_endpoint() -> None:
    STREAMS.update(open=2, closed=5)
    with TestClient(app) as client:
        response = client.get("/streams")

    assert response.json() == {"open": 2, "closed": 5}


def test_an_event_from_the_feed() -> None:
    sent: list[Message] = []
    asyncio.run(serve_once(app, "/ticks", sent, hang_up_after_first_event=True))

    assert parse_events(b"".join(bodies(sent)).decode()) == [Event(event="tick", data="1", id="1")]


class Connection:
    """Stands in for a database connection or a subscription."""

    def __init__(self, log: list[str], owner: str) -> None:
        self.closed = False
        self.log = log
        self.owner = owner
        log.append(f"{owner}: connection opened")

    def close(self) -> None:
        self.closed = True
        self.log.append(f"{self.owner}: connection closed")

    def fetch(self, row: int) -> str:
        if self.closed:
            raise RuntimeError("connection is closed")
        return f"row {row}"


def app_with_a_yield_dependency(log: list[str]) -> Litestar:
    # --8<-- [start:pitfall]
    async def provide_connection() -> AsyncIterator[Connection]:
        connection = Connection(log, owner="dependency")
        yield connection
        connection.close()  # runs when the handler returns, before the response is sent

    # --8<-- [end:pitfall]

    async def rows(connection: Connection) -> AsyncIterator[str]:
        log.append(f"stream: started, connection closed: {connection.closed}")
        for row in range(3):
            yield connection.fetch(row)

    @get("/rows", dependencies={"connection": Provide(provide_connection)})
    async def read_rows(connection: NamedDependency[Connection]) -> ServerSentEvent:
        return ServerSentEvent(rows(connection))

    return Litestar([read_rows])


def test_a_yield_dependency_is_closed_before_the_stream_runs() -> None:
    log: list[str] = []
    sent: list[Message] = []
    with pytest.raises(LitestarException, match="Exception caught after response started") as info:
        asyncio.run(
            serve_once(
                app_with_a_yield_dependency(log), "/rows", sent, hang_up_after_first_event=False
            )
        )

    assert log == [
        "dependency: connection opened",
        "dependency: connection closed",
        "stream: started, connection closed: True",
    ]
    # The status line went out before the first fetch failed: the client was told
    # 200, then the stream broke off, and no error handler could turn it into a 500.
    assert [message["type"] for message in sent] == ["http.response.start"]
    assert sent[0]["status"] == 200
    cause = info.value.__cause__
    assert isinstance(cause, ExceptionGroup)
    assert [str(error) for error in cause.exceptions] == ["connection is closed"]


def test_open_the_resource_inside_the_generator_instead() -> None:
    log: list[str] = []

    async def rows() -> AsyncIterator[str]:
        connection = Connection(log, owner="stream")
        try:
            for row in range(3):
                yield connection.fetch(row)
        finally:  # after the last event, on an error, or on a disconnect
            connection.close()

    @get("/rows")
    async def read_rows() -> ServerSentEvent:
        return ServerSentEvent(rows())

    with TestClient(Litestar([read_rows])) as client:
        response = client.get("/rows")

    assert log == ["stream: connection opened", "stream: connection closed"]
    assert [event.data for event in parse_events(response.text)] == ["row 0", "row 1", "row 2"]


# --8<-- [start:testclient]
def test_by_default_testclient_raises_when_the_stream_fails_after_the_200() -> None:
    # TestClient reads the whole response before it answers. By default it re-raises what
    # the app raised; here Litestar's own "after response started" error, which wraps it.
    with (
        TestClient(app_with_a_yield_dependency([])) as client,
        pytest.raises(LitestarException, match="Exception caught after response started") as info,
    ):
        client.get("/rows")

    cause = info.value.__cause__
    assert isinstance(cause, ExceptionGroup)
    assert [str(error) for error in cause.exceptions] == ["connection is closed"]


def test_without_raising_testclient_makes_up_a_500_no_server_sent() -> None:
    # With raise_server_exceptions=False it answers an empty 500 instead, although the
    # app had already sent 200: read the status on the wire (the ASGI messages) instead.
    with TestClient(app_with_a_yield_dependency([]), raise_server_exceptions=False) as client:
        response = client.get("/rows")

    assert response.status_code == 500
    assert response.content == b""
    assert "content-type" not in response.headers


# --8<-- [end:testclient]


def test_with_a_real_server_closing_the_connection_runs_finally(
    transcript: MakeTranscript,
) -> None:
    record = transcript("l10_server_sent_events/disconnect")
    port = free_port()
    command = [str(BIN / "uvicorn"), f"{MODULE}:app", "--port", str(port)]
    with serving(command, port, ready_path="/streams") as base:
        record(httpx.get(f"{base}/streams"))
        with httpx.stream("GET", f"{base}/ticks") as stream:
            # Keep the line iterator: closing it (as a `break` out of a loop over it
            # would) closes the connection too.
            lines = stream.iter_lines()
            first_event = read_one_event(lines)
            record.add_text(f"$ curl -N {SERVER}/ticks\n{first_event}\n^C")
            while_open = record(httpx.get(f"{base}/streams"))
        # Leaving the `with` block closed the connection. The server notices it on its
        # own schedule, so ask until it has, rather than guess how long that takes.
        after = httpx.get(f"{base}/streams")
        for _ in range(200):
            if after.json()["open"] == 0:
                break
            time.sleep(0.05)
            after = httpx.get(f"{base}/streams")
        record(after)

    assert parse_events(first_event + "\n\n") == [Event(event="tick", data="1", id="1")]
    assert while_open.json() == {"open": 1, "closed": 0}
    assert after.json() == {"open": 0, "closed": 1}


def read_one_event(lines: Iterator[str]) -> str:
    event: list[str] = []
    while line := next(lines):
        event.append(line)
    return "\n".join(event)
