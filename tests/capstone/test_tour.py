"""The API tour of docs/capstone/tour.md, step by step, as a new user would take it.

One test walks the whole tour, because every step builds on the one before (the token, the
tasks, their versions). Each `tour-...` transcript is one section of the page. The clock is
stopped (`frozen_clock`), so timestamps and the token are the same on every run.

The login response shows the whole token; every request after it writes the token as
`$TOKEN`, the shell variable the page asks the reader to keep it in. That is the only
change to what the app really sent and answered.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import httpx
import time_machine
from litestar import Litestar
from litestar.testing import TestClient, WebSocketTestSession

from tests.transcripts import MakeTranscript, Transcript, render_exchange

Client = TestClient[Litestar]
Headers = dict[str, str]
# A guard against a hang, not a measurement: an event that is coming arrives in milliseconds.
GUARD_SECONDS = 10.0
ADA = {"username": "ada", "password": "correct horse"}


class Tour:
    """One user's walk through the API; records exchanges with the token shown as `$TOKEN`."""

    def __init__(
        self, client: Client, clock: time_machine.Traveller, transcript: MakeTranscript
    ) -> None:
        self.client = client
        self.clock = clock
        self.transcript = transcript
        self.token = ""

    def show(
        self, record: Transcript, response: httpx.Response, headers: tuple[str, ...] = ()
    ) -> httpx.Response:
        text = render_exchange(response, headers)
        if self.token:
            # shlex quoted the header in single quotes; double quotes let a shell expand it.
            text = text.replace(
                f"'authorization: Bearer {self.token}'", '"authorization: Bearer $TOKEN"'
            )
            assert self.token not in text, "the token appears somewhere it was not replaced"
        record.add_text(text)
        return response

    @property
    def auth(self) -> Headers:
        return {"Authorization": f"Bearer {self.token}"}

    def if_match(self, etag: str) -> Headers:
        return {**self.auth, "If-Match": etag}


def titles(response: httpx.Response) -> list[str]:
    return [task["title"] for task in response.json()["items"]]


def hear(socket: WebSocketTestSession, record: Transcript) -> Any:
    """Receive one event from the WebSocket, show it as it arrived, and return it decoded."""
    message = socket.receive_text(timeout=GUARD_SECONDS)
    record.add_text(f"< {message}")
    return json.loads(message)


def sign_in(tour: Tour) -> None:
    client, record = tour.client, tour.transcript("capstone/tour-sign-in")
    registered = tour.show(record, client.post("/auth/register", json=ADA))
    login = tour.show(record, client.post("/auth/login", json=ADA))
    tour.token = login.json()["access_token"]
    me = tour.show(record, client.get("/me", headers=tour.auth))

    assert registered.status_code == 201
    assert login.json() == {"access_token": tour.token, "token_type": "bearer", "expires_in": 3600}
    assert (
        me.json()
        == registered.json()
        == {
            "id": 1,
            "username": "ada",
            "created_at": "2026-11-27T09:00:00Z",
        }
    )


def create_tasks(tour: Tour) -> list[httpx.Response]:
    client, record = tour.client, tour.transcript("capstone/tour-create")
    report = {"title": "Write the quarterly report", "priority": "high", "due_date": "2026-12-01"}
    first = tour.show(
        record,
        client.post("/tasks", json=report, headers=tour.auth),
        headers=("etag", "location"),
    )
    record = tour.transcript("capstone/tour-create-more")
    more = [
        {"title": "Book the dentist", "priority": "low", "due_date": "2026-12-15"},
        {"title": "Review Bob's report", "status": "in_progress", "due_date": "2026-11-30"},
        {"title": "Renew the passport", "priority": "high"},
    ]
    created = [first] + [
        tour.show(record, client.post("/tasks", json=body, headers=tour.auth)) for body in more
    ]

    assert [response.status_code for response in created] == [201, 201, 201, 201]
    assert [response.json()["id"] for response in created] == [1, 2, 3, 4]
    assert (first.headers["etag"], first.headers["location"]) == ('"1"', "/tasks/1")
    # Left out of the body: a medium priority and a pending status.
    assert (created[2].json()["priority"], created[3].json()["status"]) == ("medium", "pending")
    return created


def filter_tasks(tour: Tour) -> None:
    client = tour.client
    urgent = tour.show(
        tour.transcript("capstone/tour-filter-status"),
        client.get("/tasks?status=pending&priority=high", headers=tour.auth),
    )
    due_soon = tour.show(
        tour.transcript("capstone/tour-filter-due"),
        client.get("/tasks?due_before=2026-12-02", headers=tour.auth),
    )
    reports = tour.show(
        tour.transcript("capstone/tour-filter-search"),
        client.get("/tasks?q=REPORT", headers=tour.auth),
    )

    assert titles(urgent) == ["Write the quarterly report", "Renew the passport"]
    assert urgent.json()["total"] == 2
    # A task without a due date is due before nothing.
    assert titles(due_soon) == ["Write the quarterly report", "Review Bob's report"]
    # The search ignores case.
    assert titles(reports) == ["Write the quarterly report", "Review Bob's report"]


def sort_and_page(tour: Tour) -> None:
    client, record = tour.client, tour.transcript("capstone/tour-sort-page")
    first = tour.show(record, client.get("/tasks?sort=-priority&limit=2", headers=tour.auth))
    second = tour.show(
        record, client.get("/tasks?sort=-priority&limit=2&offset=2", headers=tour.auth)
    )

    # Most important first; equal priorities in the same (here: descending) order of id.
    assert titles(first) == ["Renew the passport", "Write the quarterly report"]
    assert titles(second) == ["Review Bob's report", "Book the dentist"]
    assert [first.json()["total"], second.json()["total"]] == [4, 4]


def read_and_update(tour: Tour) -> httpx.Response:
    client = tour.client
    read = tour.show(
        tour.transcript("capstone/tour-read"),
        client.get("/tasks/1", headers=tour.auth),
        headers=("etag",),
    )
    record = tour.transcript("capstone/tour-update")
    tour.clock.shift(timedelta(minutes=5))
    etag = read.headers["etag"]
    changed = tour.show(
        record,
        client.patch(
            "/tasks/1", json={"title": "Write the Q4 report"}, headers=tour.if_match(etag)
        ),
        headers=("etag",),
    )
    # A second client that also read version 1 sends its change with the same ETag.
    stale = tour.show(
        record,
        client.patch("/tasks/1", json={"priority": "low"}, headers=tour.if_match(etag)),
        headers=("etag",),
    )

    assert etag == '"1"'
    assert (changed.status_code, changed.headers["etag"]) == (200, '"2"')
    assert changed.json()["updated_at"] == "2026-11-27T09:05:00Z"
    assert (stale.status_code, stale.headers["etag"]) == (412, '"2"')
    assert stale.json()["current"] == changed.json()  # the low priority was not written
    return changed


def finish_and_delete(tour: Tour, changed: httpx.Response, dentist: httpx.Response) -> None:
    client = tour.client
    tour.clock.shift(timedelta(minutes=25))
    done = tour.show(
        tour.transcript("capstone/tour-done"),
        client.patch(
            "/tasks/1", json={"status": "done"}, headers=tour.if_match(changed.headers["etag"])
        ),
        headers=("etag",),
    )
    record = tour.transcript("capstone/tour-delete")
    deleted = tour.show(
        record, client.delete("/tasks/2", headers=tour.if_match(dentist.headers["etag"]))
    )
    gone = tour.show(record, client.get("/tasks/2", headers=tour.auth))

    assert done.json()["completed_at"] == "2026-11-27T09:30:00Z"
    assert (done.json()["status"], done.json()["version"]) == ("done", 3)
    assert (deleted.status_code, deleted.content) == (204, b"")
    assert gone.status_code == 404
    assert client.get("/tasks", headers=tour.auth).json()["total"] == 3


def watch_events(tour: Tour) -> None:
    client, record = tour.client, tour.transcript("capstone/tour-events")
    with client.websocket_connect("/events/ws", headers=tour.auth) as socket:
        record.add_text(
            "connected to ws://127.0.0.1:8000/events/ws  (authorization: Bearer $TOKEN)"
        )
        new = tour.show(
            record, client.post("/tasks", json={"title": "Water the plants"}, headers=tour.auth)
        )
        on_create = hear(socket, record)
        url = f"/tasks/{new.json()['id']}"
        started = tour.show(
            record,
            client.patch(
                url, json={"status": "in_progress"}, headers=tour.if_match(new.headers["etag"])
            ),
        )
        on_update = hear(socket, record)
        removed = tour.show(
            record, client.delete(url, headers=tour.if_match(started.headers["etag"]))
        )
        on_delete = hear(socket, record)

    assert removed.status_code == 204
    # Each event carries the task as the response that caused it did.
    assert on_create == {"type": "task.created", "task": new.json()}
    assert on_update == {"type": "task.updated", "task": started.json()}
    assert on_delete == {"type": "task.deleted", "task": started.json()}


def test_the_api_tour(
    frozen_clock: time_machine.Traveller, client: Client, transcript: MakeTranscript
) -> None:
    # frozen_clock comes first: the token must be issued on the stopped clock.
    tour = Tour(client, frozen_clock, transcript)

    sign_in(tour)
    created = create_tasks(tour)
    filter_tasks(tour)
    sort_and_page(tour)
    changed = read_and_update(tour)
    finish_and_delete(tour, changed, dentist=created[1])
    watch_events(tour)
