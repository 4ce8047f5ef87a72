"""Step 03: the full contract: create, mark done and filter, PATCH, DELETE, bad input, seed()."""

from datetime import timedelta
from typing import Any

import msgspec
import pytest
from litestar.testing import TestClient

from lessons.l12_task_api.step03_patch_delete import app, seed
from lessons.l12_task_api.store import STORE
from tests.lessons.l12_task_api.support import snapshot
from tests.transcripts import MakeTranscript


def test_create_mark_done_and_filter(transcript: MakeTranscript) -> None:
    record = transcript("l12_task_api/article-requests")
    with TestClient(app) as client:
        created = record(
            client.post("/tasks", json={"title": "Write unit tests", "priority": "high"})
        )
        done = record(client.patch("/tasks/1", json={"status": "done"}))
        listed = record(client.get("/tasks?status=done"))
        pending = client.get("/tasks?status=pending")

    assert created.status_code == 201
    # Aware UTC, written with a Z: a client never has to guess the zone.
    assert created.json() == {
        "id": 1,
        "title": "Write unit tests",
        "description": "",
        "priority": "high",
        "status": "pending",
        "created_at": "2026-11-27T09:00:00Z",
        "completed_at": None,
    }
    assert done.status_code == 200
    assert done.json() == {
        **created.json(),
        "status": "done",
        "completed_at": "2026-11-27T09:01:00Z",
    }
    assert listed.json() == [done.json()]
    assert pending.json() == []


def test_patch_changes_only_the_fields_sent() -> None:
    with TestClient(app) as client:
        original = client.post("/tasks", json={"title": "Draft", "description": "v1"}).json()
        renamed = client.patch("/tasks/1", json={"title": "Final"}).json()
        nothing = client.patch("/tasks/1", json={}).json()
        several = client.patch(
            "/tasks/1", json={"description": "", "priority": "low", "status": "in_progress"}
        ).json()

    assert renamed == {**original, "title": "Final"}
    assert nothing == renamed
    assert several == {
        **renamed,
        "description": "",
        "priority": "low",
        "status": "in_progress",
    }
    assert several["completed_at"] is None  # in_progress is not done


def test_completed_at_follows_status(transcript: MakeTranscript) -> None:
    record = transcript("l12_task_api/completed-at")
    with TestClient(app) as client:
        record(client.post("/tasks", json={"title": "Write unit tests"}))  # clock: 09:00
        first = record(client.patch("/tasks/1", json={"status": "done"}))  # 09:01
        again = record(
            client.patch("/tasks/1", json={"status": "done", "title": "Wrote unit tests"})
        )
        reopened = record(client.patch("/tasks/1", json={"status": "in_progress"}))
        redone = client.patch("/tasks/1", json={"status": "done"})  # 09:02

    assert first.json()["completed_at"] == "2026-11-27T09:01:00Z"
    # Done again: the first completion time stays; the clock was not even read.
    assert again.json()["completed_at"] == "2026-11-27T09:01:00Z"
    assert reopened.json()["completed_at"] is None
    assert redone.json()["completed_at"] == "2026-11-27T09:02:00Z"


def test_delete_answers_204_then_the_task_is_gone(transcript: MakeTranscript) -> None:
    record = transcript("l12_task_api/delete")
    with TestClient(app) as client:
        record(client.post("/tasks", json={"title": "Write unit tests"}))
        deleted = record(client.delete("/tasks/1"))
        fetched = record(client.get("/tasks/1"))
        again = record(client.delete("/tasks/1"))
        next_task = client.post("/tasks", json={"title": "Next"})

    assert deleted.status_code == 204
    assert deleted.content == b""
    assert fetched.status_code == 404
    assert again.json() == {"status_code": 404, "detail": "Task 1 not found"}
    assert next_task.json()["id"] == 2  # ids are never reused


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
@pytest.mark.parametrize(
    ("path", "detail"), [("/tasks/99", "Task 99 not found"), ("/tasks/abc", "Not Found")]
)
def test_a_missing_or_non_integer_id_is_404_for_every_verb(
    method: str, path: str, detail: str
) -> None:
    seed(3)
    before = snapshot()
    with TestClient(app) as client:
        response = client.request(method, path, json={} if method == "PATCH" else None)

    assert response.status_code == 404
    assert response.json() == {"status_code": 404, "detail": detail}
    assert snapshot() == before


BAD_CHANGES: list[tuple[Any, str, str]] = [
    ({"title": ""}, "title", "Expected `str` of length >= 1"),
    ({"title": "x" * 201}, "title", "Expected `str` of length <= 200"),
    ({"title": None}, "title", "Expected `str`, got `null`"),
    ({"description": None}, "description", "Expected `str`, got `null`"),
    ({"status": "finished"}, "status", "Invalid enum value 'finished'"),
    ({"status": None}, "status", "Expected `str`, got `null`"),
    ({"priority": "urgent"}, "priority", "Invalid enum value 'urgent'"),
    ({"priority": 1}, "priority", "Expected `str`, got `int`"),
    ({"title": ["x"]}, "title", "Expected `str`, got `array`"),
    (["done"], "data", "Expected `object`, got `array`"),
    (None, "data", "'data'"),  # no body at all
    (
        {"completed_at": "2026-11-27T09:00:00Z"},
        "data",
        "Object contains unknown field `completed_at`",
    ),
    ({"id": 2}, "data", "Object contains unknown field `id`"),
    ({"status": "done", "stauts": "x"}, "data", "Object contains unknown field `stauts`"),
]


@pytest.mark.parametrize(("body", "key", "message"), BAD_CHANGES)
def test_each_bad_change_is_400_and_leaves_the_task_as_it_was(
    body: Any, key: str, message: str
) -> None:
    seed(3)
    before = snapshot()
    with TestClient(app) as client:
        response = client.patch("/tasks/1", json=body)

    assert response.status_code == 400
    assert response.json() == {
        "status_code": 400,
        "detail": "Validation failed for PATCH /tasks/1",
        "extra": [{"message": message, "key": key, "source": "body"}],
    }
    assert snapshot() == before


def test_a_malformed_patch_body_is_400_and_changes_nothing() -> None:
    seed(3)
    before = snapshot()
    with TestClient(app) as client:
        response = client.patch(
            "/tasks/1", content=b'{"status": done}', headers={"Content-Type": "application/json"}
        )

    assert response.status_code == 400
    assert response.json() == {
        "status_code": 400,
        "detail": "JSON is malformed: invalid character (byte 11)",
    }
    assert snapshot() == before


def test_structs_replace_does_not_validate() -> None:
    (task,) = seed(1)

    # Why update_task only replaces with values that came from a validated TaskChanges.
    assert msgspec.structs.replace(task, title="").title == ""


def test_the_body_is_checked_before_the_task_is_looked_up() -> None:
    with TestClient(app) as client:
        response = client.patch("/tasks/99", json={"status": "finished"})

    # Validation runs before the handler, so a bad body on a missing task is a 400.
    assert response.status_code == 400


def test_bad_patch_transcript(transcript: MakeTranscript) -> None:
    record = transcript("l12_task_api/bad-patch")
    seed(3)
    with TestClient(app) as client:
        record(client.patch("/tasks/1", json={"title": None}))
        record(client.patch("/tasks/1", json={"completed_at": "2026-11-27T09:00:00Z"}))
        record(client.patch("/tasks/99", json={"status": "done"}))


def test_openapi_documents_patch_as_all_optional() -> None:
    with TestClient(app) as client:
        document = client.get("/schema/openapi.json").json()

    changes = document["components"]["schemas"]["TaskChanges"]
    new_task = document["components"]["schemas"]["NewTask"]
    assert changes["required"] == []
    assert set(changes["properties"]) == {"title", "description", "priority", "status"}
    assert (changes["properties"]["title"]["minLength"], new_task["required"]) == (1, ["title"])
    assert set(document["paths"]["/tasks/{task_id}"]) == {"get", "patch", "delete"}


# --8<-- [start:seed]
def test_seed_fills_the_store_the_same_way_every_time() -> None:
    with TestClient(app) as client:
        seed(100)
        first = client.get("/tasks").content
        client.post("/tasks", json={"title": "One more"})
        seed(100)
        second = client.get("/tasks").content
        created = client.post("/tasks", json={"title": "Task 101"}).json()

    assert first == second  # byte for byte
    assert created["id"] == 101  # the counter continues after the seeded ids


# --8<-- [end:seed]


def test_seed_spreads_statuses_and_priorities() -> None:
    tasks = seed(9)

    assert [task.id for task in tasks] == list(range(1, 10))
    assert len({(task.status, task.priority) for task in tasks}) == 9
    assert all((task.completed_at is None) == (task.status != "done") for task in tasks)
    assert STORE.tasks[3].completed_at == STORE.tasks[3].created_at + timedelta(hours=1)


def test_seed_zero_empties_the_store_and_negative_is_refused() -> None:
    seed(3)
    assert seed(0) == []
    assert snapshot() == ({}, 0)
    with pytest.raises(ValueError, match="cannot seed -1 tasks"):
        seed(-1)
