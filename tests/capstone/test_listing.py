"""Listing: filters, text search, sorting, and pages with a bounded size and a total."""

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from capstone.http.tasks import MAX_PAGE
from tests.transcripts import MakeTranscript

Client = TestClient[Litestar]
Headers = dict[str, str]

TASKS = [
    {"title": "Buy milk", "priority": "low", "status": "done", "due_date": "2026-12-01"},
    {
        "title": "Write report",
        "priority": "high",
        "status": "in_progress",
        "due_date": "2026-12-10",
    },
    {"title": "Call the bank", "priority": "medium", "status": "pending"},
    {"title": "Review report", "priority": "high", "status": "pending", "due_date": "2026-12-05"},
    {"title": "Milk the cow", "priority": "medium", "status": "pending", "due_date": "2026-12-20"},
]


@pytest.fixture
def stocked(client: Client, ada: Headers) -> Headers:
    for task in TASKS:
        assert client.post("/tasks", json=task, headers=ada).status_code == 201
    return ada


def titles(client: Client, headers: Headers, query: str) -> list[str]:
    response = client.get(f"/tasks?{query}", headers=headers)
    assert response.status_code == 200, response.text
    return [task["title"] for task in response.json()["items"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Buy milk", "Write report", "Call the bank", "Review report", "Milk the cow"]),
        ("status=pending", ["Call the bank", "Review report", "Milk the cow"]),
        ("priority=high", ["Write report", "Review report"]),
        ("status=pending&priority=high", ["Review report"]),
        ("due_before=2026-12-06", ["Buy milk", "Review report"]),
        ("due_after=2026-12-05", ["Write report", "Milk the cow"]),
        ("due_after=2026-12-01&due_before=2026-12-20", ["Write report", "Review report"]),
        ("q=MILK", ["Buy milk", "Milk the cow"]),
        ("q=report&status=pending", ["Review report"]),
        (
            "sort=-created",
            ["Milk the cow", "Review report", "Call the bank", "Write report", "Buy milk"],
        ),
        (
            "sort=priority",
            ["Buy milk", "Call the bank", "Milk the cow", "Write report", "Review report"],
        ),
        (
            "sort=-priority",
            ["Review report", "Write report", "Milk the cow", "Call the bank", "Buy milk"],
        ),
        (
            "sort=due&due_after=2026-01-01",
            ["Buy milk", "Review report", "Write report", "Milk the cow"],
        ),
    ],
)
def test_filters_and_sorts(
    client: Client, stocked: Headers, query: str, expected: list[str]
) -> None:
    assert titles(client, stocked, query) == expected


@pytest.mark.usefixtures("frozen_clock")  # stable timestamps in the transcript
def test_pages_carry_the_total(
    client: Client, stocked: Headers, transcript: MakeTranscript
) -> None:
    record = transcript("capstone/list-page")
    first = record(client.get("/tasks?status=pending&limit=2", headers=stocked)).json()
    second = client.get("/tasks?status=pending&limit=2&offset=2", headers=stocked).json()
    beyond = client.get("/tasks?status=pending&limit=2&offset=10", headers=stocked).json()

    assert (len(first["items"]), first["total"], first["limit"], first["offset"]) == (2, 3, 2, 0)
    assert [task["title"] for task in second["items"]] == ["Milk the cow"]
    assert (beyond["items"], beyond["total"]) == ([], 3)


def test_the_largest_page_is_bounded(client: Client, stocked: Headers) -> None:
    largest = client.get(f"/tasks?limit={MAX_PAGE}", headers=stocked)
    too_large = client.get(f"/tasks?limit={MAX_PAGE + 1}", headers=stocked)

    assert largest.status_code == 200
    assert too_large.status_code == 400
    assert too_large.json()["fields"] == [
        {"message": f"Expected `int` <= {MAX_PAGE}", "key": "limit", "source": "query"}
    ]


def test_the_total_follows_creates_and_deletes_with_and_without_filters(
    client: Client, stocked: Headers, bob: Headers
) -> None:
    client.post("/tasks", json={"title": "Bob's own"}, headers=bob)
    client.delete("/tasks/1", headers=stocked)  # "Buy milk", the only done task
    created = client.post("/tasks", json={"title": "New", "status": "done"}, headers=stocked)

    def total(query: str, headers: Headers) -> int:
        response = client.get(f"/tasks?{query}", headers=headers)
        return int(response.json()["total"])

    assert created.status_code == 201
    assert total("", stocked) == 5  # the owner's counter: 5 - 1 + 1
    assert total("status=done", stocked) == 1  # a filter: counted
    assert total("", bob) == 1
