"""Correctness before speed: every codec writes the same JSON and reads back the same tasks."""

import json
from dataclasses import asdict
from typing import Any

import msgspec
import pydantic
import pytest
from litestar import Litestar, post
from litestar.exceptions import SerializationException
from litestar.params import JSONBody
from litestar.serialization import decode_json
from litestar.testing import TestClient

from lessons.l20_performance import step01_pydantic_list
from lessons.l20_performance.benchmark.codecs import Codec, all_codecs
from lessons.l20_performance.models import DataclassTask, Priority, StructTask, task_rows

CODECS = all_codecs()
NAMES = [codec.name for codec in CODECS]


def test_the_baseline_comes_first_and_every_library_is_there() -> None:
    assert NAMES == ["pydantic", "pydantic via Litestar", "msgspec", "attrs", "dataclasses"]


@pytest.mark.parametrize("count", [0, 2, 7])
def test_every_codec_writes_equivalent_json(count: int) -> None:
    written = {codec.name: json.loads(codec.encode(codec.sample(count))) for codec in CODECS}

    expected = [
        {**row, "created_at": row["created_at"].isoformat().replace("+00:00", "Z")}
        | {
            "completed_at": row["completed_at"]
            and row["completed_at"].isoformat().replace("+00:00", "Z")
        }
        for row in task_rows(count)
    ]
    assert all(value == expected for value in written.values()), written


@pytest.mark.parametrize("writer", CODECS, ids=NAMES)
@pytest.mark.parametrize("reader", CODECS, ids=NAMES)
def test_every_codec_reads_what_any_other_wrote(writer: Codec, reader: Codec) -> None:
    data = writer.encode(writer.sample(7))

    assert reader.decode(data) == reader.sample(7)


def test_the_bytes_can_differ_where_the_json_does_not() -> None:
    by_name = {codec.name: codec.encode(codec.sample(1)) for codec in CODECS}

    # msgspec writes an attrs instance's fields in alphabetical order. The JSON is
    # the same, so a check must compare parsed values, not bytes.
    assert by_name["attrs"].startswith(b'[{"completed_at":null,"created_at":')
    assert by_name["msgspec"].startswith(b'[{"id":1,"title":')
    assert len({bytes(value) for value in by_name.values()}) == 2


@pytest.mark.parametrize("codec", CODECS, ids=NAMES)
@pytest.mark.parametrize(
    "change",
    [
        {"priority": "urgent"},
        {"created_at": "yesterday"},
        {"id": "one"},
        {"title": None},
        {"created_at": "2026-01-05T09:17:00"},  # naive: no offset
    ],
)
def test_every_decoder_refuses_bad_data(codec: Codec, change: dict[str, object]) -> None:
    good = json.loads(codec.encode(codec.sample(1)))
    bad = json.dumps([{**good[0], **change}]).encode()

    with pytest.raises((pydantic.ValidationError, msgspec.ValidationError, SerializationException)):
        codec.decode(bad)


# --8<-- [start:pitfall]
def test_a_decoder_that_does_not_validate_is_fast_because_it_does_nothing() -> None:
    row = json.loads(msgspec.json.encode(task_rows(1)))[0]
    row["priority"] = "urgent"

    # json.loads plus the dataclass constructor: no check at all. The "task" has a
    # priority that does not exist and a created_at that is a str, not a datetime.
    unchecked = DataclassTask(**row)
    assert unchecked.priority == "urgent"
    assert unchecked.priority not in list(Priority)
    assert isinstance(asdict(unchecked)["created_at"], str)

    # The same bytes through a decoder that checks types are refused.
    with pytest.raises(msgspec.ValidationError, match="Invalid enum value 'urgent'"):
        msgspec.json.decode(json.dumps([row]), type=list[DataclassTask])


# --8<-- [end:pitfall]


def test_litestar_validates_each_pydantic_model_from_parsed_values() -> None:
    validated: list[object] = []

    class CountedTask(pydantic.BaseModel):
        id: int

        @classmethod
        def model_validate(cls, obj: Any, **options: Any) -> "CountedTask":
            validated.append(obj)
            return super().model_validate(obj, **options)

    decoded = decode_json(
        b'[{"id":1},{"id":2}]',
        list[CountedTask],
        type_decoders=step01_pydantic_list.app.type_decoders,
    )

    # msgspec parsed the JSON; pydantic then validated each dict, one call per model.
    assert decoded == [CountedTask(id=1), CountedTask(id=2)]
    assert validated == [{"id": 1}, {"id": 2}]


def test_a_litestar_request_body_takes_a_numeric_string_for_an_int() -> None:
    # The codecs above refuse "1" for an int, as msgspec.json.decode does. A request body
    # goes another way: Litestar converts it with msgspec in lax mode (strict=False).
    @post("/tasks")
    async def add_task(data: JSONBody[StructTask]) -> StructTask:
        return data

    row = json.loads(msgspec.json.encode(task_rows(1)))[0]
    with TestClient(Litestar([add_task])) as client:
        response = client.post("/tasks", json={**row, "id": "1"})

    assert response.status_code == 201
    assert response.json()["id"] == 1  # the string became a number
    with pytest.raises(msgspec.ValidationError, match="Expected `int`, got `str`"):
        msgspec.json.decode(json.dumps({**row, "id": "1"}), type=StructTask)
