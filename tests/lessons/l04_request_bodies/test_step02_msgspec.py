"""Step 02: the book as a msgspec Struct; msgspec stops at the first problem."""

from litestar.testing import TestClient

from lessons.l04_request_bodies.step02_msgspec import BOOKS, app
from tests.transcripts import MakeTranscript


def test_msgspec_errors(transcript: MakeTranscript) -> None:
    record = transcript("l04_request_bodies/msgspec-errors")
    with TestClient(app) as client:
        missing = record(client.post("/books", json={"title": "Dune"}))
        wrong_type = record(client.post("/books", json={"title": "Dune", "price": "cheap"}))
        too_small = record(client.post("/books", json={"title": "Dune", "price": 0}))
        unknown = record(client.post("/books", json={"title": "Dune", "price": 9.5, "tag": "sf"}))

    # A missing or unknown field is reported against the whole body, `data`,
    # with the field's name in the message.
    assert missing.json()["extra"] == [
        {"message": "Object missing required field `price`", "key": "data", "source": "body"}
    ]
    assert wrong_type.json()["extra"] == [
        {"message": "Expected `float`, got `str`", "key": "price", "source": "body"}
    ]
    assert too_small.json()["extra"] == [
        {"message": "Expected `float` > 0.0", "key": "price", "source": "body"}
    ]
    assert unknown.json()["extra"] == [
        {"message": "Object contains unknown field `tag`", "key": "data", "source": "body"}
    ]
    assert BOOKS == []


def test_msgspec_reports_only_the_first_problem() -> None:
    with TestClient(app) as client:
        response = client.post("/books", json={"title": "", "price": -1, "in_stock": "perhaps"})

    assert response.json()["extra"] == [
        {"message": "Expected `str` of length >= 1", "key": "title", "source": "body"}
    ]


def test_meta_constraints_reach_the_openapi_schema() -> None:
    with TestClient(app) as client:
        book = client.get("/schema/openapi.json").json()["components"]["schemas"]["Book"]

    assert book["properties"]["title"] == {
        "type": "string",
        "minLength": 1,
        "maxLength": 100,
        "examples": ["Dune"],
    }
    assert book["properties"]["price"] == {
        "type": "number",
        "exclusiveMinimum": 0.0,
        "maximum": 1000.0,
    }
