"""The SSE endpoint, driven at the ASGI level in this process (so that coverage sees it).

An event stream never ends by itself and the test clients read a response to its end, so
this test plays the server's part: it calls the app with a `receive` that reports the
client gone once the test has seen what it wants.
"""

import json
from pathlib import Path
from typing import Any

import anyio
import httpx
from litestar.types import Message

from capstone.app import create_app
from capstone.config import Settings


async def watch_one_event(settings: Settings) -> list[bytes]:
    app = create_app(settings)
    asgi: Any = app  # the ASGI callable; httpx and anyio type it more loosely than Litestar
    chunks: list[bytes] = []
    first_chunk, leave = anyio.Event(), anyio.Event()
    async with (
        app.lifespan(),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=asgi), base_url="http://test") as http,
    ):
        credentials = {"username": "ada", "password": "correct horse"}
        await http.post("/auth/register", json=credentials)
        token = (await http.post("/auth/login", json=credentials)).json()["access_token"]

        async def receive() -> Message:
            await leave.wait()
            return {"type": "http.disconnect"}

        async def send(message: Message) -> None:
            if message["type"] == "http.response.body" and message.get("body"):
                chunks.append(message["body"])
                first_chunk.set()
                if len(chunks) == 2:
                    leave.set()  # seen the event: the client goes away

        scope: dict[str, Any] = {
            "type": "http",
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": "/events",
            "raw_path": b"/events",
            "root_path": "",
            "query_string": f"token={token}".encode(),
            "headers": [(b"host", b"test")],
            "client": ("127.0.0.1", 1),
            "server": ("test", 80),
        }
        async with anyio.create_task_group() as streams:
            streams.start_soon(asgi, scope, receive, send)
            with anyio.fail_after(10):
                await first_chunk.wait()  # subscribed before we write
                headers = {"Authorization": f"Bearer {token}"}
                await http.post("/tasks", json={"title": "Heard live"}, headers=headers)
                await leave.wait()
    return chunks


def test_the_stream_says_subscribed_then_delivers_the_event(settings: Settings) -> None:
    subscribed, event = anyio.run(watch_one_event, settings)

    assert subscribed == b": subscribed\r\nretry: 3000\r\n\r\n"
    lines = event.decode().splitlines()
    assert lines[:2] == ["id: 1", "event: task"]  # the first event this process published
    payload = json.loads(lines[2].removeprefix("data: "))
    assert (payload["type"], payload["task"]["title"]) == ("task.created", "Heard live")


async def reconnect_with_last_event_id(settings: Settings) -> tuple[list[bytes], int]:
    app = create_app(settings)
    asgi: Any = app
    chunks: list[bytes] = []
    first_chunk, leave = anyio.Event(), anyio.Event()
    async with (
        app.lifespan(),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=asgi), base_url="http://test") as http,
    ):
        credentials = {"username": "ada", "password": "correct horse"}
        await http.post("/auth/register", json=credentials)
        token = (await http.post("/auth/login", json=credentials)).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        for title in ("Seen", "Missed"):  # events 1 and 2, while no stream is open
            await http.post("/tasks", json={"title": title}, headers=headers)

        async def receive() -> Message:
            await leave.wait()
            return {"type": "http.disconnect"}

        async def send(message: Message) -> None:
            if message["type"] == "http.response.body" and message.get("body"):
                chunks.append(message["body"])
                first_chunk.set()
                if len(chunks) == 3:
                    leave.set()

        scope: dict[str, Any] = {
            "type": "http",
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": "/events",
            "raw_path": b"/events",
            "root_path": "",
            "query_string": f"token={token}".encode(),
            "headers": [(b"host", b"test"), (b"last-event-id", b"1")],
            "client": ("127.0.0.1", 1),
            "server": ("test", 80),
        }
        async with anyio.create_task_group() as streams:
            streams.start_soon(asgi, scope, receive, send)
            with anyio.fail_after(10):
                await first_chunk.wait()
                # The user's one stream is open: another is refused.
                second = (await http.get("/events", headers=headers)).status_code
                await http.post("/tasks", json={"title": "Live"}, headers=headers)
                await leave.wait()
    return chunks, second


def test_last_event_id_sends_the_missed_events_first_and_a_second_stream_is_429(
    tmp_path: Path,
) -> None:
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}", max_streams_per_user=1
    )
    chunks, second = anyio.run(reconnect_with_last_event_id, settings)

    titles = [
        (lines[0], json.loads(lines[2].removeprefix("data: "))["task"]["title"])
        for lines in (chunk.decode().splitlines() for chunk in chunks[1:])
    ]
    assert titles == [("id: 2", "Missed"), ("id: 3", "Live")]
    assert second == 429
