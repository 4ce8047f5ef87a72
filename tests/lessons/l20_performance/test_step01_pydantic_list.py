"""Step 01: GET /tasks with pydantic models, and what Litestar does with each model."""

from typing import Any

import pydantic
from litestar import Litestar, get
from litestar.plugins.pydantic import PydanticPlugin
from litestar.testing import TestClient

from lessons.l20_performance.step01_pydantic_list import app
from tests.transcripts import MakeTranscript


def test_lists_tasks_with_a_limit(transcript: MakeTranscript) -> None:
    record = transcript("l20_performance/pydantic-list")
    with TestClient(app) as client:
        two = record(client.get("/tasks", params={"limit": 2}))
        default = client.get("/tasks")
        most = client.get("/tasks", params={"limit": 1000})

    assert two.status_code == 200
    assert [task["id"] for task in two.json()] == [1, 2]
    assert two.json()[1]["completed_at"] == "2026-01-05T12:34:00.000002Z"
    assert len(default.json()) == 100
    assert len(most.json()) == 1000


def test_a_limit_out_of_range_is_400(transcript: MakeTranscript) -> None:
    record = transcript("l20_performance/bad-limit")
    with TestClient(app) as client:
        zero = record(client.get("/tasks", params={"limit": 0}))
        huge = client.get("/tasks", params={"limit": 1001})
        word = client.get("/tasks", params={"limit": "all"})

    assert [zero.status_code, huge.status_code, word.status_code] == [400, 400, 400]
    assert zero.json()["extra"] == [
        {"message": "Expected `int` >= 1", "key": "limit", "source": "query"}
    ]
    assert huge.json()["extra"][0]["message"] == "Expected `int` <= 1000"


def test_the_pydantic_plugin_is_added_without_being_asked() -> None:
    assert isinstance(app.plugins.get(PydanticPlugin), PydanticPlugin)


# --8<-- [start:model-dump]
def test_litestar_converts_each_model_to_a_dict_before_encoding() -> None:
    dumped: list[int] = []

    class CountedTask(pydantic.BaseModel):
        id: int

        def model_dump(self, **options: Any) -> dict[str, Any]:
            dumped.append(self.id)
            assert options["mode"] == "json"  # builtins only: dates become strings here
            return super().model_dump(**options)

    @get("/tasks")
    async def list_tasks() -> list[CountedTask]:
        return [CountedTask(id=number) for number in range(1, 4)]

    with TestClient(Litestar([list_tasks])) as client:
        response = client.get("/tasks")

    # One Python-level call per task, then msgspec encodes the dicts: the work
    # pydantic's own dump_json would do in Rust in one call.
    assert response.json() == [{"id": 1}, {"id": 2}, {"id": 3}]
    assert dumped == [1, 2, 3]


# --8<-- [end:model-dump]
