"""Step 02: each path parameter type gives the handler a real Python object; junk is 404."""

from datetime import timedelta
from decimal import Decimal

import pytest
from litestar import Litestar, get
from litestar.params import FromPath
from litestar.testing import TestClient

from lessons.l02_routing.step02_path_types import app
from tests.transcripts import MakeTranscript

VALID = [
    ("/str/hello", "str", "'hello'"),
    ("/int/42", "int", "42"),
    ("/float/2.5", "float", "2.5"),
    (
        "/uuid/8c4f1b2e-1f0a-4c53-9d6e-2b8a1a9f3c10",
        "UUID",
        "UUID('8c4f1b2e-1f0a-4c53-9d6e-2b8a1a9f3c10')",
    ),
    ("/decimal/9.99", "Decimal", "Decimal('9.99')"),
    ("/date/2026-11-27", "date", "datetime.date(2026, 11, 27)"),
    (
        "/datetime/2026-11-27T09:30:00+00:00",
        "datetime",
        "datetime.datetime(2026, 11, 27, 9, 30, tzinfo=datetime.timezone.utc)",
    ),
    ("/time/09:30:00", "time", "datetime.time(9, 30)"),
    ("/timedelta/PT1H30M", "timedelta", "datetime.timedelta(seconds=5400)"),
    ("/timedelta/5400", "timedelta", "datetime.timedelta(seconds=5400)"),
    ("/files/docs/guide/intro.md", "PosixPath", "PosixPath('/docs/guide/intro.md')"),
]


@pytest.mark.parametrize(("path", "type_name", "value"), VALID)
def test_each_type_parses_to_its_python_object(path: str, type_name: str, value: str) -> None:
    with TestClient(app) as client:
        response = client.get(path)

    assert response.status_code == 200
    assert response.json() == {"type": type_name, "value": value}


@pytest.mark.parametrize(
    "path",
    [
        "/int/4.2",
        "/float/abc",
        "/uuid/1234",
        "/date/2026-13-01",
        "/datetime/yesterday",
        "/time/25:00",
    ],
)
def test_a_value_the_router_cannot_parse_matches_no_route(path: str) -> None:
    with TestClient(app) as client:
        response = client.get(path)

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/decimal/ten", "Invalid decimal string"),
        ("/timedelta/soon", "Invalid ISO8601 duration"),
        ("/timedelta/99999999999999", "Duration is out of range"),
        ("/timedelta/1e999", "Number out of range"),
    ],
)
def test_str_segments_validated_as_decimal_or_timedelta_are_400(path: str, message: str) -> None:
    with TestClient(app) as client:
        response = client.get(path)

    assert response.status_code == 400
    assert response.json()["extra"] == [{"message": message, "key": "value", "source": "path"}]


# --8<-- [start:pitfall]
@pytest.mark.parametrize(
    ("template", "annotation", "junk"),
    [("{value:decimal}", Decimal, "ten"), ("{value:timedelta}", timedelta, "99999999999999")],
)
def test_decimal_and_timedelta_path_types_turn_junk_into_a_500(
    template: str, annotation: type, junk: str
) -> None:
    @get(f"/{template}")
    async def handler(value: FromPath[annotation]) -> None:  # type: ignore[valid-type]
        raise AssertionError("never reached")

    with TestClient(Litestar([handler], logging_config=None)) as client:
        response = client.get(f"/{junk}")

    # Decimal("ten") raises InvalidOperation and timedelta(seconds=10**14) raises
    # OverflowError. Neither is the ValueError the router turns into a 404.
    assert response.status_code == 500


# --8<-- [end:pitfall]


def test_transcript(transcript: MakeTranscript) -> None:
    record = transcript("l02_routing/path-types")
    with TestClient(app) as client:
        for path in ["/int/42", "/decimal/9.99", "/date/2026-11-27", "/timedelta/PT1H30M"]:
            record(client.get(path))
        record(client.get("/files/docs/guide/intro.md"))
        record(client.get("/date/2026-13-01"))
        record(client.get("/decimal/ten"))
