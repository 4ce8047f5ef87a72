"""A user sees and changes only their own tasks; another user's task is "not found", not
"forbidden", with the same body as a task that does not exist."""

# ruff: noqa: E501 - the case tables read best one case per line
from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import TestClient

Client = TestClient[Any]
Headers = dict[str, str]

ADAS_TASKS = [
    {"title": "Ada shared low", "priority": "low", "status": "done", "due_date": "2026-12-01"},
    {"title": "Ada shared high", "priority": "high", "status": "in_progress", "due_date": "2026-12-10"},
    {"title": "Ada shared medium", "priority": "medium", "status": "pending"},
]  # fmt: skip


@pytest.fixture
def adas(client: Client, ada: Headers) -> list[dict[str, Any]]:
    created = [client.post("/tasks", json=task, headers=ada) for task in ADAS_TASKS]
    assert [response.status_code for response in created] == [201, 201, 201]
    return [response.json() for response in created]


def not_found(task_id: int) -> dict[str, Any]:
    return {
        "status": 404,
        "title": "Not Found",
        "detail": f"There is no task {task_id}",
        "fields": [],
    }


@pytest.mark.parametrize(
    "if_match", [None, '"1"', '"7"'], ids=["no-if-match", "right-version", "stale-version"]
)
@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
def test_another_users_task_is_404_and_stays_as_it_was(  # noqa: PLR0917 - pytest fixtures
    client: Client,
    ada: Headers,
    bob: Headers,
    adas: list[dict[str, Any]],
    method: str,
    if_match: str | None,
) -> None:
    # Even a stale If-Match is 404, never 412: a 412 would hand bob ada's current task.
    target = adas[0]
    headers = bob if if_match is None else {**bob, "If-Match": if_match}
    sent = {"title": "Bob was here", "status": "pending"} if method == "PATCH" else None

    response = client.request(method, f"/tasks/{target['id']}", headers=headers, json=sent)

    assert response.status_code == 404
    assert response.json() == not_found(target["id"])
    assert "etag" not in response.headers
    assert client.get(f"/tasks/{target['id']}", headers=ada).json() == target  # version too


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
def test_not_yours_and_does_not_exist_get_the_same_answer(
    client: Client, ada: Headers, bob: Headers, adas: list[dict[str, Any]], method: str
) -> None:
    task_id = adas[1]["id"]
    sent = {"title": "Bob was here"} if method == "PATCH" else None

    not_yours = client.request(method, f"/tasks/{task_id}", headers=bob, json=sent)
    assert client.delete(f"/tasks/{task_id}", headers=ada).status_code == 204
    gone = client.request(method, f"/tasks/{task_id}", headers=bob, json=sent)

    assert (not_yours.status_code, not_yours.json()) == (gone.status_code, gone.json())
    assert sorted(not_yours.headers.keys()) == sorted(gone.headers.keys())


def test_guessing_ids_in_sequence_reveals_only_your_own(
    client: Client, ada: Headers, bob: Headers, adas: list[dict[str, Any]]
) -> None:
    bobs = client.post("/tasks", json={"title": "Bob's"}, headers=bob).json()
    ids = range(1, bobs["id"] + 5)  # ada's, bob's, and ids nobody has yet

    answers = {task_id: client.get(f"/tasks/{task_id}", headers=bob) for task_id in ids}

    assert {task_id for task_id, answer in answers.items() if answer.status_code == 200} == {
        bobs["id"]
    }
    assert all(
        answer.json() == not_found(task_id)
        for task_id, answer in answers.items()
        if task_id != bobs["id"]
    )
    assert {task["id"] for task in adas} < set(ids)  # ada's ids were among the guesses


@pytest.mark.parametrize(
    "query",
    [
        "",
        "status=done",
        "status=in_progress",
        "status=pending",
        "priority=low",
        "priority=medium",
        "priority=high",
        "due_before=2030-01-01",
        "due_after=2000-01-01",
        "q=shared",
        "q=Ada",
        "sort=-created",
        "sort=due",
        "sort=-priority",
        "limit=100&offset=0",
        "offset=1",
    ],
)
def test_a_list_never_holds_another_users_tasks(
    client: Client, ada: Headers, bob: Headers, adas: list[dict[str, Any]], query: str
) -> None:
    # Bob's one task matches every filter above too, so an empty page would prove nothing.
    mine = {
        "title": "Bob shared Ada",
        "priority": "high",
        "status": "done",
        "due_date": "2026-12-05",
    }
    bobs = client.post("/tasks", json=mine, headers=bob).json()
    for status in ("in_progress", "pending"):
        client.post("/tasks", json={**mine, "status": status, "priority": "low"}, headers=bob)
    client.post("/tasks", json={**mine, "priority": "medium"}, headers=bob)

    page = client.get(f"/tasks?{query}", headers=bob).json()
    adas_page = client.get(f"/tasks?{query}", headers=ada).json()

    ids = {task["id"] for task in page["items"]}
    assert ids, "the query should match some of bob's tasks"
    assert ids.isdisjoint(task["id"] for task in adas)
    assert all(task["title"].startswith("Bob") for task in page["items"])
    assert page["total"] == len(page["items"]) + page["offset"]  # bob's count, not ada's
    assert {task["id"] for task in adas_page["items"]}.isdisjoint(ids | {bobs["id"]})


def test_each_user_counts_only_their_own(
    client: Client, ada: Headers, bob: Headers, adas: list[dict[str, Any]]
) -> None:
    client.post("/tasks", json={"title": "Bob's"}, headers=bob)

    assert client.get("/tasks", headers=ada).json()["total"] == len(adas)
    assert client.get("/tasks", headers=bob).json()["total"] == 1
    assert client.get("/me", headers=bob).json()["username"] == "bob"
