"""Step 02: the same endpoint with msgspec Structs answers the very same bytes."""

import pytest
from litestar.testing import TestClient

from lessons.l20_performance import step01_pydantic_list
from lessons.l20_performance.step02_msgspec_list import app
from tests.transcripts import MakeTranscript


def test_lists_tasks_with_a_limit(transcript: MakeTranscript) -> None:
    record = transcript("l20_performance/msgspec-list")
    with TestClient(app) as client:
        two = record(client.get("/tasks", params={"limit": 2}))
        default = client.get("/tasks")

    assert [task["id"] for task in two.json()] == [1, 2]
    assert len(default.json()) == 100


@pytest.mark.parametrize("limit", [1, 2, 100, 1000])
def test_both_steps_answer_identical_bytes(limit: int) -> None:
    with TestClient(step01_pydantic_list.app) as pydantic, TestClient(app) as msgspec:
        from_pydantic = pydantic.get("/tasks", params={"limit": limit})
        from_msgspec = msgspec.get("/tasks", params={"limit": limit})

    assert from_pydantic.status_code == from_msgspec.status_code == 200
    assert from_pydantic.headers["content-type"] == from_msgspec.headers["content-type"]
    assert from_pydantic.content == from_msgspec.content


@pytest.mark.parametrize("limit", ["0", "1001", "all"])
def test_both_steps_refuse_the_same_bad_limits_alike(limit: str) -> None:
    with TestClient(step01_pydantic_list.app) as pydantic, TestClient(app) as msgspec:
        from_pydantic = pydantic.get("/tasks", params={"limit": limit})
        from_msgspec = msgspec.get("/tasks", params={"limit": limit})

    assert from_pydantic.status_code == from_msgspec.status_code == 400
    assert from_pydantic.json() == from_msgspec.json()
