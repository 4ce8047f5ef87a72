"""Step 02: GET /tasks filters by status and priority; a value outside the enums is a 400."""

from typing import Any

import msgspec
import pytest
from litestar import Litestar, get, post
from litestar.exceptions import LitestarDeprecationWarning
from litestar.testing import TestClient

from lessons.l12_task_api.models import Priority, Status
from lessons.l12_task_api.step02_filters import app
from lessons.l12_task_api.step03_patch_delete import seed
from tests.lessons.l12_task_api.support import snapshot
from tests.transcripts import MakeTranscript


def ids(response_json: list[dict[str, Any]]) -> list[int]:
    return [task["id"] for task in response_json]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [1, 2, 3, 4, 5, 6, 7, 8, 9]),
        ("?status=pending", [1, 4, 7]),
        ("?status=in_progress", [2, 5, 8]),
        ("?status=done", [3, 6, 9]),
        ("?priority=low", [1, 2, 3]),
        ("?priority=high", [7, 8, 9]),
        ("?status=done&priority=high", [9]),
        ("?priority=medium&status=pending", [4]),
    ],
)
def test_filters_combine_and_keep_creation_order(query: str, expected: list[int]) -> None:
    seed(9)  # every (status, priority) pair exactly once: see step 03
    with TestClient(app) as client:
        response = client.get(f"/tasks{query}")

    assert response.status_code == 200
    assert ids(response.json()) == expected


def test_an_empty_store_lists_nothing() -> None:
    with TestClient(app) as client:
        response = client.get("/tasks?status=done")

    assert (response.status_code, response.json()) == (200, [])


def test_created_tasks_are_listed(transcript: MakeTranscript) -> None:
    record = transcript("l12_task_api/filters")
    with TestClient(app) as client:
        # Every request that changes the store is shown: the listing has no hidden cause.
        record(client.post("/tasks", json={"title": "Write unit tests", "priority": "high"}))
        record(client.post("/tasks", json={"title": "Update the changelog", "priority": "low"}))
        everything = record(client.get("/tasks"))
        high = record(client.get("/tasks?priority=high"))
        done = record(client.get("/tasks?status=done"))

    assert ids(everything.json()) == [1, 2]
    assert ids(high.json()) == [1]
    assert done.json() == []


@pytest.mark.parametrize(
    ("query", "key", "value"),
    [
        ("status=finished", "status", "finished"),
        ("status=DONE", "status", "DONE"),
        ("status=", "status", ""),
        ("priority=urgent", "priority", "urgent"),
        ("status=done&priority=2", "priority", "2"),
    ],
)
def test_a_value_outside_the_enum_is_400_naming_it(query: str, key: str, value: str) -> None:
    seed(3)
    with TestClient(app) as client:
        before = snapshot()
        response = client.get(f"/tasks?{query}")

    assert response.status_code == 400
    assert response.json() == {
        "status_code": 400,
        "detail": f"Validation failed for GET /tasks?{query}",
        "extra": [{"message": f"Invalid enum value '{value}'", "key": key, "source": "query"}],
    }
    assert snapshot() == before


def test_bad_filter_transcript(transcript: MakeTranscript) -> None:
    record = transcript("l12_task_api/bad-filters")
    with TestClient(app) as client:
        response = record(client.get("/tasks?status=finished"))

    assert response.status_code == 400


def test_openapi_lists_the_enum_values_of_both_filters() -> None:
    with TestClient(app) as client:
        document = client.get("/schema/openapi.json").json()

    parameters = {p["name"]: p for p in document["paths"]["/tasks"]["get"]["parameters"]}
    schemas = document["components"]["schemas"]
    assert set(parameters) == {"status", "priority"}
    assert not any(parameter["required"] for parameter in parameters.values())
    assert schemas["Status"]["enum"] == [status.value for status in Status]
    assert schemas["Priority"]["enum"] == [priority.value for priority in Priority]


def test_unmarked_parameters_are_deprecated() -> None:
    class NewTask(msgspec.Struct):
        title: str

    # Written without FromQuery, FromPath or JSONBody: Litestar infers where each comes from.
    # --8<-- [start:pitfall]
    @get("/tasks")
    async def list_tasks(status: Status | None = None) -> list[str]:
        return []

    @get("/tasks/{task_id:int}")
    async def get_task(task_id: int) -> int:
        return task_id

    @post("/tasks")
    async def create_task(data: NewTask) -> NewTask:
        return data

    # --8<-- [end:pitfall]
    with pytest.warns(LitestarDeprecationWarning) as warned:
        Litestar([list_tasks, get_task, create_task])

    messages = {str(warning.message).split("] ")[1] for warning in warned}
    assert messages == {
        (
            "query parameter 'status' declared using deprecated inferred style. "
            "Use 'FromQuery[<type>]' or 'Annotated[<type>, QueryParameter(...)]' instead"
        ),
        (
            "path parameter 'task_id' declared using deprecated inferred style. "
            "Use 'FromPath[<type>]' or 'Annotated[<type>, PathParameter(...)]' instead"
        ),
        (
            "Reserved kwarg 'data' declared without a body marker. "
            "Use 'data: JSONBody[NewTask]' or another body marker instead. "
            "Reserved kwargs without their type will stop working in Litestar 3.0"
        ),
    }
    # LitestarDeprecationWarning is a DeprecationWarning: with warnings as
    # errors (as in this project's pytest settings) the app does not even build.
    assert issubclass(LitestarDeprecationWarning, DeprecationWarning)
