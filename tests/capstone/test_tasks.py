"""Task CRUD and the rules a change follows (completed_at, timestamps, versions)."""

import pytest
import time_machine
from litestar import Litestar
from litestar.testing import TestClient

Client = TestClient[Litestar]
Headers = dict[str, str]


def test_create_read_update_delete(client: Client, ada: Headers) -> None:
    created = client.post("/tasks", json={"title": "Write the report"}, headers=ada)
    task_id = created.json()["id"]
    read = client.get(f"/tasks/{task_id}", headers=ada)
    changed = client.patch(f"/tasks/{task_id}", json={"priority": "high"}, headers=ada)
    deleted = client.delete(f"/tasks/{task_id}", headers=ada)
    gone = client.get(f"/tasks/{task_id}", headers=ada)

    assert created.status_code == 201
    assert created.headers["location"] == f"/tasks/{task_id}"
    assert created.json() | {"created_at": None, "updated_at": None} == {
        "id": task_id,
        "title": "Write the report",
        "description": "",
        "priority": "medium",
        "status": "pending",
        "due_date": None,
        "created_at": None,
        "updated_at": None,
        "completed_at": None,
        "version": 1,
    }
    assert read.json() == created.json()
    assert read.headers["etag"] == '"1"'
    assert (changed.json()["priority"], changed.json()["version"]) == ("high", 2)
    assert changed.headers["etag"] == '"2"'
    assert deleted.status_code == 204
    assert gone.status_code == 404
    assert gone.json()["detail"] == f"There is no task {task_id}"


def test_completed_at_is_set_on_done_and_cleared_when_it_leaves_done(
    frozen_clock: time_machine.Traveller, client: Client, ada: Headers
) -> None:
    task = client.post("/tasks", json={"title": "Ship it"}, headers=ada).json()
    url = f"/tasks/{task['id']}"

    started = client.patch(url, json={"status": "in_progress"}, headers=ada).json()
    frozen_clock.shift(30 * 60)  # within the token's hour
    done = client.patch(url, json={"status": "done"}, headers=ada).json()
    frozen_clock.shift(60)
    done_again = client.patch(url, json={"status": "done", "title": "Ship it!"}, headers=ada).json()
    reopened = client.patch(url, json={"status": "pending"}, headers=ada).json()

    assert started["completed_at"] is None
    assert done["completed_at"] == "2026-11-27T09:30:00Z"
    assert done["updated_at"] == "2026-11-27T09:30:00Z"
    assert done_again["completed_at"] == "2026-11-27T09:30:00Z"  # still when it was done
    assert done_again["updated_at"] == "2026-11-27T09:31:00Z"
    assert reopened["completed_at"] is None


def test_a_task_created_done_is_completed_at_creation(
    frozen_clock: time_machine.Traveller, client: Client, ada: Headers
) -> None:
    task = client.post("/tasks", json={"title": "Done", "status": "done"}, headers=ada).json()

    assert task["completed_at"] == task["created_at"] == "2026-11-27T09:00:00Z"


def test_patch_changes_only_the_fields_sent(client: Client, ada: Headers) -> None:
    body = {"title": "T", "description": "D", "priority": "low", "due_date": "2026-12-24"}
    task = client.post("/tasks", json=body, headers=ada).json()

    cleared = client.patch(f"/tasks/{task['id']}", json={"due_date": None}, headers=ada).json()
    unchanged = client.patch(f"/tasks/{task['id']}", json={}, headers=ada).json()

    assert {key: cleared[key] for key in body} == {**body, "due_date": None}
    assert {key: unchanged[key] for key in body} == {key: cleared[key] for key in body}


@pytest.mark.parametrize("field", ["title", "priority", "status", "description"])
def test_null_is_not_a_value_for_a_required_field(client: Client, ada: Headers, field: str) -> None:
    task = client.post("/tasks", json={"title": "T"}, headers=ada).json()

    response = client.patch(f"/tasks/{task['id']}", json={field: None}, headers=ada)

    assert response.status_code == 400
    assert response.json()["fields"][0]["key"] == field
