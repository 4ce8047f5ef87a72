"""Live events: a signed-in user hears their own task events, over a WebSocket or server-sent
events, and never anybody else's; a refused write publishes nothing.

No test waits for an event that should *not* come (that would be a timed guess): each one
makes the write that must stay silent, then one that must be heard, and checks that the
first event to arrive is the second one.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import sys
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import websockets.sync.client
from litestar.exceptions import WebSocketDisconnect
from litestar.testing import TestClient, WebSocketTestSession
from websockets.exceptions import InvalidStatus

from tests.capstone.conftest import sign_up
from tests.servers import free_port, serving

Client = TestClient[Any]
Headers = dict[str, str]
# A guard against a hang, not a measurement: an event that is coming arrives in milliseconds.
GUARD_SECONDS = 10.0


def next_event(socket: WebSocketTestSession) -> Any:
    return json.loads(socket.receive_text(timeout=GUARD_SECONDS))


def token_of(headers: Headers) -> str:
    return headers["Authorization"].removeprefix("Bearer ")


# --- WebSocket, in process (TestClient; the default in-memory channels backend) -----------


def test_the_websocket_carries_created_updated_and_deleted(client: Client, ada: Headers) -> None:
    with client.websocket_connect("/events/ws", headers=ada) as socket:
        created = client.post("/tasks", json={"title": "Write the report"}, headers=ada)
        on_create = next_event(socket)
        task_id = created.json()["id"]
        updated = client.patch(
            f"/tasks/{task_id}", json={"status": "done"}, headers={**ada, "If-Match": '"1"'}
        )
        on_update = next_event(socket)
        deleted = client.delete(f"/tasks/{task_id}", headers={**ada, "If-Match": '"2"'})
        on_delete = next_event(socket)

    assert (created.status_code, updated.status_code, deleted.status_code) == (201, 200, 204)
    # The event carries the task exactly as the response that caused it did.
    assert on_create == {"type": "task.created", "task": created.json()}
    assert on_update == {"type": "task.updated", "task": updated.json()}
    # A deleted task is sent as it was when it was deleted.
    assert on_delete == {"type": "task.deleted", "task": updated.json()}


def test_the_websocket_takes_the_token_from_the_query_string(client: Client, ada: Headers) -> None:
    # Browsers cannot set headers on a WebSocket: `?token=` is how they sign in.
    with client.websocket_connect(f"/events/ws?token={token_of(ada)}") as socket:
        created = client.post("/tasks", json={"title": "From a browser"}, headers=ada)

        assert next_event(socket) == {"type": "task.created", "task": created.json()}


def test_nobody_hears_another_users_events(client: Client, ada: Headers, bob: Headers) -> None:
    with (
        client.websocket_connect("/events/ws", headers=ada) as adas_socket,
        client.websocket_connect("/events/ws", headers=bob) as bobs_socket,
    ):
        adas = client.post("/tasks", json={"title": "Ada's"}, headers=ada).json()
        bobs = client.post("/tasks", json={"title": "Bob's"}, headers=bob).json()

        # Ada's event was published first; had bob heard it, it would be his first.
        assert next_event(bobs_socket) == {"type": "task.created", "task": bobs}
        assert next_event(adas_socket) == {"type": "task.created", "task": adas}


def test_a_refused_write_publishes_nothing(client: Client, ada: Headers, bob: Headers) -> None:
    task = client.post("/tasks", json={"title": "Write the report"}, headers=ada).json()
    path = f"/tasks/{task['id']}"
    stale = {**ada, "If-Match": '"7"'}
    with client.websocket_connect("/events/ws", headers=ada) as socket:
        refused = [
            client.patch(path, json={"title": "Lost"}, headers=stale),
            client.delete(path, headers=stale),
            client.patch(path, json={"title": ""}, headers=ada),  # invalid body
            client.patch(path, json={"title": "Not yours"}, headers=bob),  # bob's view: none
        ]
        accepted = client.patch(path, json={"title": "Kept"}, headers={**ada, "If-Match": '"1"'})

        assert [response.status_code for response in refused] == [412, 412, 400, 404]
        assert next_event(socket) == {"type": "task.updated", "task": accepted.json()}
    assert accepted.json()["version"] == 2


@pytest.mark.parametrize(
    ("url", "headers", "reason"),
    [
        ("/events/ws", {}, "No JWT token found in request header"),
        ("/events/ws", {"Authorization": "Bearer not.a.jwt"}, "Invalid token"),
        ("/events/ws?token=not.a.jwt", {}, "Invalid token"),
    ],
    ids=["no token", "bad header", "bad query token"],
)
def test_the_websocket_refuses_an_unauthenticated_client(
    client: Client, url: str, headers: Headers, reason: str
) -> None:
    with (
        pytest.raises(WebSocketDisconnect) as refused,
        client.websocket_connect(url, headers=headers),
    ):
        pass  # pragma: no cover - the connection never opens

    # Litestar 2.25 closes before accepting, with 4000 + 500: the auth error is not a
    # WebSocketException, so its 401 is not used. A real server turns it into HTTP 403
    # (test_a_real_server_refuses_unauthenticated_streams).
    assert refused.value.code == 4500
    assert refused.value.detail == reason


def test_the_query_token_is_only_for_event_streams(client: Client, ada: Headers) -> None:
    # Tokens in URLs end up in logs, so no other path accepts one.
    assert client.get(f"/tasks?token={token_of(ada)}").status_code == 401


# --- Server-sent events, from a real server process -----------------------------------------
# TestClient buffers a whole response before returning it (lesson 17), and this stream never
# ends, so these tests read it line by line from uvicorn, as a browser would.


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    database = tmp_path_factory.mktemp("events") / "capstone.sqlite3"
    port = free_port()
    env = {
        "DATABASE_URL": f"sqlite+aiosqlite:///{database}",
        "REDIS_URL": "",  # the in-memory channels backend
        "APP_ENV": "development",
        "JWT_SECRET": secrets.token_urlsafe(32),
        "MIGRATE_ON_START": "1",
    }
    command = [sys.executable, "-m", "capstone", "--port", str(port)]
    with serving(command, port, ready_path="/health", env=env) as base:
        yield base


@pytest.fixture
def http(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=GUARD_SECONDS, trust_env=False) as client:
        yield client


def new_user(http: httpx.Client, name: str) -> Headers:
    # The server's database lives as long as this module: every test makes its own users.
    return sign_up(http, f"{name}-{uuid.uuid4().hex[:8]}")  # type: ignore[arg-type]


class EventStream:
    """Reads a server-sent event stream one event (a block of lines) at a time."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.lines = response.iter_lines()
        self.last_id = ""

    def next_block(self) -> list[str]:
        block: list[str] = []
        for line in self.lines:
            if line == "":
                return block
            block.append(line)
        raise AssertionError(f"the stream ended after {block}")  # pragma: no cover

    def next_event(self) -> Any:
        id_line, name, data = self.next_block()
        assert name == "event: task"
        self.last_id = id_line.removeprefix("id: ")  # for a reconnect with Last-Event-ID
        return json.loads(data.removeprefix("data: "))


@pytest.fixture
def stream_of(http: httpx.Client) -> Iterator[Any]:
    """Open /events; return once the server says the subscription is live."""
    with contextlib.ExitStack() as stack:

        def open_stream(url: str, headers: Headers | None = None) -> EventStream:
            response = stack.enter_context(http.stream("GET", url, headers=headers))
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("text/event-stream")
            events = EventStream(response)
            # The first block is a comment sent once subscribed: no event can be missed now.
            assert events.next_block() == [": subscribed", "retry: 3000"]
            return events

        yield open_stream


def test_server_sent_events_carry_the_users_task_events(http: httpx.Client, stream_of: Any) -> None:
    ada = new_user(http, "ada")
    events = stream_of("/events", ada)

    created = http.post("/tasks", json={"title": "Write the report"}, headers=ada)
    path = f"/tasks/{created.json()['id']}"
    assert events.next_event() == {"type": "task.created", "task": created.json()}
    updated = http.patch(path, json={"priority": "high"}, headers={**ada, "If-Match": '"1"'})
    assert events.next_event() == {"type": "task.updated", "task": updated.json()}
    http.delete(path, headers=ada)
    assert events.next_event() == {"type": "task.deleted", "task": updated.json()}


def test_server_sent_events_are_the_users_own_and_only_successful_writes(
    http: httpx.Client, stream_of: Any
) -> None:
    ada, bob = new_user(http, "ada"), new_user(http, "bob")
    bobs_events = stream_of(f"/events?token={token_of(bob)}")  # as an EventSource would

    http.post("/tasks", json={"title": "Ada's"}, headers=ada)
    bobs = http.post("/tasks", json={"title": "Bob's"}, headers=bob).json()
    assert bobs_events.next_event() == {"type": "task.created", "task": bobs}

    stale = http.patch(
        f"/tasks/{bobs['id']}", json={"title": "Lost"}, headers={**bob, "If-Match": '"9"'}
    )
    kept = http.patch(f"/tasks/{bobs['id']}", json={"title": "Kept"}, headers=bob)
    assert stale.status_code == 412
    assert bobs_events.next_event() == {"type": "task.updated", "task": kept.json()}


def test_a_real_server_refuses_unauthenticated_streams(server: str, http: httpx.Client) -> None:
    missing = http.get("/events")
    forged = http.get("/events?token=not.a.jwt")
    with pytest.raises(InvalidStatus) as socket_refused:
        websockets.sync.client.connect(
            server.replace("http://", "ws://") + "/events/ws",
            proxy=None,
            open_timeout=GUARD_SECONDS,
        )

    assert (missing.status_code, missing.json()["detail"]) == (
        401,
        "No JWT token found in request header",
    )
    assert (forged.status_code, forged.json()["detail"]) == (401, "Invalid token")
    # uvicorn answers a WebSocket closed before it was accepted with a plain 403.
    assert socket_refused.value.response.status_code == 403


def test_a_stream_reopened_with_last_event_id_first_sends_what_it_missed(
    http: httpx.Client, stream_of: Any
) -> None:
    ada = new_user(http, "ada")
    first = stream_of("/events", ada)
    seen = http.post("/tasks", json={"title": "Seen"}, headers=ada).json()
    assert first.next_event()["task"] == seen
    first.response.close()  # the connection drops...

    missed = [
        http.post("/tasks", json={"title": f"Missed {n}"}, headers=ada).json() for n in (1, 2)
    ]
    # ...and EventSource reconnects with the id of the last event it had.
    again = stream_of("/events", {**ada, "Last-Event-ID": first.last_id})
    live = http.post("/tasks", json={"title": "Live"}, headers=ada).json()

    assert [again.next_event()["task"] for _ in range(3)] == [*missed, live]


def test_an_unknown_last_event_id_sends_only_new_events(http: httpx.Client, stream_of: Any) -> None:
    ada = new_user(http, "ada")
    http.post("/tasks", json={"title": "Before"}, headers=ada)
    events = stream_of("/events", {**ada, "Last-Event-ID": "not-an-id"})
    after = http.post("/tasks", json={"title": "After"}, headers=ada).json()

    assert events.next_event()["task"] == after
