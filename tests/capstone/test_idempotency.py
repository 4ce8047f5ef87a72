"""POST /tasks with an Idempotency-Key: a retry returns the first task, never a duplicate."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import anyio
import pytest
import time_machine
from litestar import Litestar
from litestar.testing import TestClient
from sqlalchemy import Row

from capstone.config import Settings
from capstone.domain.tasks import TaskService
from capstone.domain.values import Priority, Status
from capstone.storage.database import database_config
from capstone.storage.models import Task

Client = TestClient[Litestar]
Headers = dict[str, str]
KEY = {"Idempotency-Key": "order-7f3a.2026:11"}


def log_in(client: Client) -> Headers:
    token = client.post("/auth/login", json={"username": "ada", "password": "correct horse"})
    return {"Authorization": f"Bearer {token.json()['access_token']}"}


def test_a_retry_with_the_same_key_returns_the_first_task(client: Client, ada: Headers) -> None:
    first = client.post("/tasks", json={"title": "Pay rent"}, headers={**ada, **KEY})
    retry = client.post("/tasks", json={"title": "Pay rent"}, headers={**ada, **KEY})

    assert (first.status_code, retry.status_code) == (201, 201)
    assert retry.json() == first.json()
    assert retry.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert retry.headers["Location"] == first.headers["Location"]
    assert retry.headers["ETag"] == first.headers["ETag"]
    assert client.get("/tasks", headers=ada).json()["total"] == 1


def test_without_a_key_every_post_creates_a_task(client: Client, ada: Headers) -> None:
    for _ in range(2):
        assert client.post("/tasks", json={"title": "Pay rent"}, headers=ada).status_code == 201
    assert client.get("/tasks", headers=ada).json()["total"] == 2


def test_the_same_key_with_another_body_is_422(client: Client, ada: Headers) -> None:
    client.post("/tasks", json={"title": "Pay rent"}, headers={**ada, **KEY})
    other = client.post("/tasks", json={"title": "Pay gas"}, headers={**ada, **KEY})

    assert other.status_code == 422
    assert other.json()["detail"] == (
        "Idempotency-Key 'order-7f3a.2026:11' was already used with a different body; "
        "use a new key for a new task"
    )
    assert client.get("/tasks", headers=ada).json()["total"] == 1


def test_a_body_that_means_the_same_is_the_same_request(client: Client, ada: Headers) -> None:
    first = client.post("/tasks", json={"title": "T"}, headers={**ada, **KEY})
    spelled_out = {"title": "T", "priority": "medium", "status": "pending"}
    retry = client.post("/tasks", json=spelled_out, headers={**ada, **KEY})
    assert retry.status_code == 201
    assert retry.json()["id"] == first.json()["id"]


def test_two_users_with_the_same_key_each_get_their_own_task(
    client: Client, ada: Headers, bob: Headers
) -> None:
    adas = client.post("/tasks", json={"title": "T"}, headers={**ada, **KEY})
    bobs = client.post("/tasks", json={"title": "T"}, headers={**bob, **KEY})

    assert adas.json()["id"] != bobs.json()["id"]
    assert "Idempotent-Replayed" not in bobs.headers
    assert client.get("/tasks", headers=bob).json()["total"] == 1


def test_a_key_is_remembered_for_24_hours(
    frozen_clock: time_machine.Traveller, client: Client, ada: Headers
) -> None:
    first = client.post("/tasks", json={"title": "T"}, headers={**ada, **KEY}).json()
    frozen_clock.shift(timedelta(hours=23, minutes=59))
    ada = log_in(client)
    assert client.post("/tasks", json={"title": "T"}, headers={**ada, **KEY}).json() == first
    frozen_clock.shift(timedelta(minutes=1))
    ada = log_in(client)  # the first token has expired by now

    later = client.post("/tasks", json={"title": "T2"}, headers={**ada, **KEY})

    assert later.status_code == 201
    assert "Idempotent-Replayed" not in later.headers
    assert later.json()["id"] != first["id"]
    again = client.post("/tasks", json={"title": "T2"}, headers={**ada, **KEY})
    assert again.json()["id"] == later.json()["id"]


def test_a_deleted_task_frees_its_key(client: Client, ada: Headers) -> None:
    first = client.post("/tasks", json={"title": "T"}, headers={**ada, **KEY}).json()
    assert client.delete(f"/tasks/{first['id']}", headers=ada).status_code == 204

    again = client.post("/tasks", json={"title": "T"}, headers={**ada, **KEY})

    assert again.status_code == 201
    assert "Idempotent-Replayed" not in again.headers
    assert client.get("/tasks", headers=ada).json()["total"] == 1


@pytest.mark.parametrize(
    "key", [b"", b"x" * 65, b"has space", b"semi;colon", "\u00fcn\u00efcode".encode(), b"slash/es"]
)
def test_a_malformed_key_is_400(client: Client, ada: Headers, key: bytes) -> None:
    response = client.post(
        "/tasks",
        json={"title": "T"},
        headers={name.encode(): value.encode() for name, value in ada.items()}
        | {b"Idempotency-Key": key},
    )
    assert response.status_code == 400, response.text
    assert response.json()["detail"].startswith(
        "Idempotency-Key must be 1 to 64 of A-Z a-z 0-9 . _ : -, not "
    )
    assert client.get("/tasks", headers=ada).json()["total"] == 0


def test_the_longest_key_is_accepted(client: Client, ada: Headers) -> None:
    key = {"Idempotency-Key": "k" * 64}
    assert client.post("/tasks", json={"title": "T"}, headers={**ada, **key}).status_code == 201


def test_a_retry_that_loses_the_race_gets_the_winners_task(
    client: Client, ada: Headers, settings: Settings
) -> None:
    """Between our "is the key new?" check and our insert, a retry with the key commits."""
    database = database_config(settings)
    values: dict[str, Any] = {"title": "T", "priority": Priority.LOW, "status": Status.PENDING}

    class RacedTasks(TaskService):
        raced = False

        async def create(self, values: dict[str, Any]) -> Task | Row[Any]:
            if not RacedTasks.raced:  # once: the retry inside create_once must not race
                RacedTasks.raced = True
                async with database.get_session() as theirs:
                    winner = TaskService(session=theirs, owner_id=1)
                    await winner.create_once(values, "k")
                    await theirs.commit()
            return await super().create(values)

    async def race() -> tuple[Task | Row[Any], bool, list[object]]:
        try:
            async with database.get_session() as mine:
                service = RacedTasks(session=mine, owner_id=1)
                task, replayed = await service.create_once(values, "k")
                await mine.commit()
                return task, replayed, list(service.outbox)
        finally:
            await database.get_engine().dispose()

    task, replayed, outbox = anyio.run(race)

    assert replayed
    assert outbox == []  # our rolled-back task is never announced
    listing = client.get("/tasks", headers=ada).json()
    assert [item["id"] for item in listing["items"]] == [task.id]
    assert listing["total"] == 1  # and its +1 on the counter was rolled back too
