"""Step 01: POST creates a task with defaults and an aware timestamp; bad bodies change nothing."""

import re
import sys
import warnings
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import msgspec
import pytest
from litestar import Litestar, post
from litestar.params import JSONBody
from litestar.testing import TestClient

from lessons.l12_task_api.models import NewTask
from lessons.l12_task_api.step01_create_and_read import app
from lessons.l12_task_api.store import STORE, utc_now
from tests.lessons.l12_task_api.support import snapshot
from tests.transcripts import MakeTranscript


def test_create_then_read_back(transcript: MakeTranscript) -> None:
    record = transcript("l12_task_api/create-and-read")
    with TestClient(app) as client:
        created = record(client.post("/tasks", json={"title": "Write unit tests"}))
        fetched = record(client.get("/tasks/1"))
        second = client.post("/tasks", json={"title": "Ship it", "priority": "high"})

    assert created.status_code == 201
    assert created.json() == {
        "id": 1,
        "title": "Write unit tests",
        "description": "",
        "priority": "medium",
        "status": "pending",
        "created_at": "2026-11-27T09:00:00Z",
        "completed_at": None,
    }
    assert fetched.status_code == 200
    assert fetched.json() == created.json()
    assert (second.json()["id"], second.json()["priority"]) == (2, "high")


def test_the_real_clock_is_aware_utc_and_serialised_with_z() -> None:
    STORE.clock = utc_now  # the fixture put a fake clock here; this test wants the real one
    before = datetime.now(UTC)
    with TestClient(app) as client:
        created_at = client.post("/tasks", json={"title": "Now"}).json()["created_at"]
    after = datetime.now(UTC)

    assert created_at.endswith("Z")
    parsed = datetime.fromisoformat(created_at)
    assert parsed.utcoffset() == timedelta(0)
    assert before <= parsed <= after
    assert UTC is timezone.utc  # noqa: UP017 - the store's comment says they are one object


def test_a_title_of_200_characters_is_accepted() -> None:
    with TestClient(app) as client:
        response = client.post("/tasks", json={"title": "x" * 200})

    assert response.status_code == 201


BAD_BODIES: list[tuple[Any, str, str]] = [
    ({"title": ""}, "title", "Expected `str` of length >= 1"),
    ({"title": "x" * 201}, "title", "Expected `str` of length <= 200"),
    ({"title": "x", "priority": "urgent"}, "priority", "Invalid enum value 'urgent'"),
    ({"title": "x", "priority": "HIGH"}, "priority", "Invalid enum value 'HIGH'"),
    ({"title": "x", "priority": 3}, "priority", "Expected `str`, got `int`"),
    ({"title": 5}, "title", "Expected `str`, got `int`"),
    ({"title": None}, "title", "Expected `str`, got `null`"),
    ({"title": "x", "description": None}, "description", "Expected `str`, got `null`"),
    ({"title": "x", "description": ["a"]}, "description", "Expected `str`, got `array`"),
    ({}, "data", "Object missing required field `title`"),
    (["Write unit tests"], "data", "Expected `object`, got `array`"),
    ("Write unit tests", "data", "Expected `object`, got `str`"),
    # forbid_unknown_fields: typos and server-owned fields are refused, not dropped.
    ({"title": "x", "priorty": "high"}, "data", "Object contains unknown field `priorty`"),
    ({"title": "x", "status": "done"}, "data", "Object contains unknown field `status`"),
    ({"title": "x", "id": 99}, "data", "Object contains unknown field `id`"),
]


@pytest.mark.parametrize(("body", "key", "message"), BAD_BODIES)
def test_each_bad_body_is_400_names_the_problem_and_stores_nothing(
    body: Any, key: str, message: str
) -> None:
    with TestClient(app) as client:
        client.post("/tasks", json={"title": "Already here"})
        before = snapshot()
        response = client.post("/tasks", json=body)
        after = snapshot()
        next_id = client.post("/tasks", json={"title": "Next"}).json()["id"]

    assert response.status_code == 400
    assert response.json() == {
        "status_code": 400,
        "detail": "Validation failed for POST /tasks",
        "extra": [{"message": message, "key": key, "source": "body"}],
    }
    assert after == before
    assert next_id == 2  # the rejected request did not use up an id


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        (b'{"title": ', "Input data was truncated"),
        (b'{"title": "x",}', "JSON is malformed: trailing comma in object (byte 14)"),
        (b"title=Write+unit+tests", "JSON is malformed: invalid character (byte 4)"),
    ],
)
def test_malformed_json_is_400_and_stores_nothing(content: bytes, detail: str) -> None:
    with TestClient(app) as client:
        response = client.post(
            "/tasks", content=content, headers={"Content-Type": "application/json"}
        )

    assert response.status_code == 400
    assert response.json() == {"status_code": 400, "detail": detail}
    assert snapshot() == ({}, 0)


def test_an_empty_body_is_400_with_a_terse_message() -> None:
    with TestClient(app) as client:
        response = client.post("/tasks")

    # A 400 and nothing stored, but on Litestar 2.25 the message is only the
    # name of the missing argument, quoted: "'data'".
    assert response.status_code == 400
    assert response.json()["extra"] == [{"message": "'data'", "key": "data", "source": "body"}]
    assert snapshot() == ({}, 0)


def test_missing_and_non_integer_ids_are_404() -> None:
    with TestClient(app) as client:
        missing = client.get("/tasks/7")
        not_an_int = client.get("/tasks/abc")

    assert missing.status_code == 404
    assert missing.json() == {"status_code": 404, "detail": "Task 7 not found"}
    # The router cannot parse "abc" as an int, so no route matches (lesson 02).
    assert not_an_int.json() == {"status_code": 404, "detail": "Not Found"}


def test_bad_create_transcript(transcript: MakeTranscript) -> None:
    record = transcript("l12_task_api/bad-create")
    with TestClient(app) as client:
        record(client.post("/tasks", json={"title": ""}))
        record(client.post("/tasks", json={"title": "Write unit tests", "priority": "urgent"}))
        record(client.post("/tasks", json={"title": "Write unit tests", "priorty": "high"}))
        record(
            client.post(
                "/tasks", content=b'{"title": ', headers={"Content-Type": "application/json"}
            )
        )
        record(client.get("/tasks/7"))

    assert snapshot() == ({}, 0)


def test_utcnow_is_naive_and_deprecated_from_python_3_12() -> None:
    if sys.version_info >= (3, 12):
        with pytest.warns(DeprecationWarning, match=r"utcnow\(\) is deprecated"):
            naive = datetime.utcnow()  # noqa: DTZ003 - the mistake under test
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # Python 3.11 says nothing
            naive = datetime.utcnow()  # noqa: DTZ003 - the mistake under test

    # No zone: the value is UTC only by convention, and it encodes without "Z".
    assert naive.tzinfo is None
    assert re.fullmatch(rb'"[-0-9]{10}T[:0-9]{8}(\.[0-9]+)?"', msgspec.json.encode(naive))
    assert msgspec.json.encode(naive.replace(tzinfo=UTC)).endswith(b'Z"')
    # And it cannot be compared with an aware time, such as one a client sent.
    with pytest.raises(TypeError, match="can't compare offset-naive and offset-aware"):
        _ = naive < datetime.now(UTC)


def test_a_utcnow_default_answers_a_time_without_a_zone() -> None:
    # --8<-- [start:pitfall-utcnow]
    class NaiveTask(msgspec.Struct):
        title: str
        created_at: datetime = msgspec.field(default_factory=datetime.utcnow)  # no zone

    # --8<-- [end:pitfall-utcnow]

    @post("/tasks")
    async def create_task(data: JSONBody[NewTask]) -> NaiveTask:
        return NaiveTask(title=data.title)

    with warnings.catch_warnings():
        # Silence the 3.12+ warning, shown above, to see what the client gets.
        warnings.simplefilter("ignore", DeprecationWarning)
        with TestClient(Litestar([create_task])) as client:
            created_at = client.post("/tasks", json={"title": "x"}).json()["created_at"]

    assert not created_at.endswith("Z")
    assert datetime.fromisoformat(created_at).tzinfo is None


def test_without_forbid_unknown_fields_a_typo_is_dropped_silently() -> None:
    # --8<-- [start:pitfall-unknown-fields]
    class LenientNewTask(msgspec.Struct):  # no forbid_unknown_fields
        title: str
        priority: str = "medium"

    # --8<-- [end:pitfall-unknown-fields]

    @post("/tasks")
    async def create_task(data: JSONBody[LenientNewTask]) -> LenientNewTask:
        return data

    with TestClient(Litestar([create_task])) as client:
        response = client.post("/tasks", json={"title": "x", "priorty": "high"})

    # 201 Created, and the priority the client asked for is gone.
    assert response.status_code == 201
    assert response.json() == {"title": "x", "priority": "medium"}
