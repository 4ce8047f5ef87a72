"""Step 01: the book as a pydantic model: its errors, its schema, a deprecated keyword."""

import pytest
from litestar import Litestar, post
from litestar.params import JSONBody
from litestar.testing import TestClient
from pydantic import BaseModel, Field
from pydantic.warnings import PydanticDeprecatedSince20

from lessons.l04_request_bodies.step01_pydantic import BOOKS, app
from tests.transcripts import MakeTranscript


def test_create_and_list(transcript: MakeTranscript) -> None:
    record = transcript("l04_request_bodies/create-book")
    with TestClient(app) as client:
        created = record(
            client.post("/books", json={"title": "Dune", "price": 9.5, "tags": ["sf"]})
        )
        listed = record(client.get("/books"))

    assert created.status_code == 201
    assert listed.json() == [{"title": "Dune", "price": 9.5, "in_stock": True, "tags": ["sf"]}]


def test_pydantic_errors_name_each_field(transcript: MakeTranscript) -> None:
    record = transcript("l04_request_bodies/pydantic-errors")
    with TestClient(app) as client:
        missing = record(client.post("/books", json={"title": "Dune"}))
        wrong_type = record(client.post("/books", json={"title": "Dune", "price": "cheap"}))
        too_small = record(client.post("/books", json={"title": "Dune", "price": 0}))
        unknown = record(client.post("/books", json={"title": "Dune", "price": 9.5, "tag": "sf"}))

    assert missing.json()["extra"] == [{"message": "Field required", "key": "price"}]
    assert wrong_type.json()["extra"] == [
        {
            "message": "Input should be a valid number, unable to parse string as a number",
            "key": "price",
        }
    ]
    assert too_small.json()["extra"] == [
        {"message": "Input should be greater than 0", "key": "price"}
    ]
    assert unknown.json()["extra"] == [{"message": "Extra inputs are not permitted", "key": "tag"}]
    assert BOOKS == []


def test_pydantic_reports_every_problem_at_once() -> None:
    with TestClient(app) as client:
        response = client.post("/books", json={"title": "", "price": -1, "in_stock": "perhaps"})

    assert [problem["key"] for problem in response.json()["extra"]] == [
        "title",
        "price",
        "in_stock",
    ]


def test_field_constraints_and_examples_reach_the_openapi_schema() -> None:
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


# --8<-- [start:example-pitfall]
def test_field_example_warns_and_the_value_still_reaches_the_schema() -> None:
    with pytest.warns(PydanticDeprecatedSince20, match="extra keyword arguments on `Field`"):

        class Book(BaseModel):
            title: str = Field(example="Dune")  # type: ignore[call-overload]

    # pydantic keeps the value, moved to json_schema_extra...
    assert Book.model_fields["title"].json_schema_extra == {"example": "Dune"}
    # --8<-- [end:example-pitfall]

    @post("/books")
    async def create_book(data: JSONBody[Book]) -> Book:
        return data

    with TestClient(Litestar([create_book])) as client:
        schemas = client.get("/schema/openapi.json").json()["components"]["schemas"]

    (schema,) = schemas.values()  # the one model, named after its qualified name

    # ...and Litestar's OpenAPI shows it, as the `examples` list that
    # Field(examples=["Dune"]) would give without a warning.
    assert schema["properties"]["title"] == {"type": "string", "examples": ["Dune"]}
