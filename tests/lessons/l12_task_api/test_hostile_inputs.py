# ruff: noqa: E501 - the catalogues below read best as one case per line
"""A catalogue of hostile input to the final task API: every one a clear 4xx that changes nothing.

Text that merely looks dangerous (SQL, HTML) is not invalid: it is stored as the text it is,
and nothing executes it.
"""

from collections.abc import Iterator

import pytest
from litestar.testing import TestClient

from lessons.l12_task_api.step03_patch_delete import app
from tests.lessons.l12_task_api.support import snapshot

JSON = "application/json"


@pytest.fixture
def client() -> Iterator[TestClient]:  # type: ignore[type-arg]
    with TestClient(app) as test_client:
        assert test_client.post("/tasks", json={"title": "Keep me"}).status_code == 201
        yield test_client


BODIES = [
    pytest.param(b'{"title": "T"', JSON, 400, "Input data was truncated", id="truncated-json"),
    pytest.param(b'{title: "T"}', JSON, 400, "JSON is malformed", id="unquoted-key"),
    pytest.param(b'{"title": "T",}', JSON, 400, "JSON is malformed", id="trailing-comma"),
    pytest.param(b"[]", JSON, 400, "Expected `object`, got `array`", id="array"),
    pytest.param(b'"T"', JSON, 400, "Expected `object`, got `str`", id="string"),
    pytest.param(b"null", JSON, 400, "Expected `object`, got `null`", id="null"),
    pytest.param(b"", JSON, 400, "'data'", id="empty-body"),
    pytest.param(b"title=T", "application/x-www-form-urlencoded", 400, "JSON is malformed", id="form"),
    pytest.param(b'{"title": "\xff"}', JSON, 400, "not valid UTF-8", id="invalid-utf8"),
    pytest.param(b'{"title": ' + b"[" * 5000 + b"]" * 5000 + b"}", JSON, 400, "nested too deeply", id="deep"),
    pytest.param(b'{"title": "T", "priority": 1e999999}', JSON, 400, "Number out of range", id="huge-number"),
    pytest.param(b'{"title": 123}', JSON, 400, "Expected `str`, got `int`", id="title-int"),
    pytest.param(b'{"title": ""}', JSON, 400, "length >= 1", id="title-empty"),
    pytest.param(b'{"title": "' + b"x" * 201 + b'"}', JSON, 400, "length <= 200", id="title-201"),
    pytest.param(b'{"title": "T", "priority": "urgent"}', JSON, 400, "Invalid enum value 'urgent'", id="bad-enum"),
    pytest.param(b'{"title": "T", "priority": "HIGH"}', JSON, 400, "Invalid enum value 'HIGH'", id="enum-case"),
    pytest.param(b'{"title": "T", "id": 99}', JSON, 400, "unknown field `id`", id="client-id"),
    pytest.param(b'{"title": "T", "completed_at": null}', JSON, 400, "unknown field `completed_at`", id="client-completed-at"),
    pytest.param(b'{"title": "T", "status": "done"}', JSON, 400, "unknown field `status`", id="status-on-create"),
    pytest.param(b'{"title": "T"}' + b" " * 11_000_000, JSON, 413, "Request Entity Too Large", id="11-mb-body"),
]  # fmt: skip


@pytest.mark.parametrize(("body", "content_type", "status", "message"), BODIES)
def test_a_hostile_body_is_a_clear_4xx_and_changes_nothing(
    client: TestClient,  # type: ignore[type-arg]
    body: bytes,
    content_type: str,
    status: int,
    message: str,
) -> None:
    before = snapshot()
    response = client.post("/tasks", content=body, headers={"content-type": content_type})

    assert response.status_code == status
    assert message in response.text
    assert snapshot() == before


PATCHES = [
    pytest.param({"title": None}, "Expected `str`, got `null`", id="null-title"),
    pytest.param({"status": "finished"}, "Invalid enum value 'finished'", id="bad-status"),
    pytest.param({"completed_at": "2020-01-01T00:00:00Z"}, "unknown field `completed_at`", id="client-completed-at"),
    pytest.param({"created_at": "2020-01-01T00:00:00Z"}, "unknown field `created_at`", id="client-created-at"),
]  # fmt: skip


@pytest.mark.parametrize(("changes", "message"), PATCHES)
def test_a_hostile_patch_is_400_and_changes_nothing(
    client: TestClient,  # type: ignore[type-arg]
    changes: dict[str, object],
    message: str,
) -> None:
    before = snapshot()
    response = client.patch("/tasks/1", json=changes)

    assert response.status_code == 400
    assert message in response.text
    assert snapshot() == before


@pytest.mark.parametrize(
    ("path", "status"),
    [
        pytest.param("/tasks/..%2F..%2Fetc%2Fpasswd", 404, id="path-traversal"),
        pytest.param("/tasks/-1", 404, id="negative-id"),
        pytest.param("/tasks/99999999999999999999999", 404, id="huge-id"),
        pytest.param("/tasks/1%27%20OR%201=1", 404, id="sql-in-path"),
        pytest.param("/tasks?status=bogus", 400, id="bad-status-filter"),
        pytest.param("/tasks?priority=%00", 400, id="nul-filter"),
        pytest.param("/tasks?status=done&status=bogus", 400, id="duplicate-filter-last-bad"),
    ],
)
def test_hostile_paths_and_queries_are_4xx(
    client: TestClient,  # type: ignore[type-arg]
    path: str,
    status: int,
) -> None:
    before = snapshot()
    response = client.get(path)

    assert response.status_code == status
    assert response.json()["detail"]
    assert snapshot() == before


@pytest.mark.parametrize(
    "title",
    ["'; DROP TABLE tasks; --", "<script>alert(1)</script>", "{{7*7}}", "../../etc/passwd"],
)
def test_scary_looking_text_is_stored_as_text(
    client: TestClient,  # type: ignore[type-arg]
    title: str,
) -> None:
    created = client.post("/tasks", json={"title": title})
    read = client.get(f"/tasks/{created.json()['id']}")

    assert created.status_code == 201
    assert read.json()["title"] == title  # stored verbatim; nothing interprets it
    assert client.get("/tasks/1").json()["title"] == "Keep me"
