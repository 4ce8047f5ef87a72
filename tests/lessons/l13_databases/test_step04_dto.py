"""Step 04: SQLAlchemyDTO reads and writes the model, hides bookkeeping fields, checks limits."""

import pytest
from litestar.testing import TestClient

from lessons.l13_databases.step04_dto import create_app
from tests.transcripts import MakeTranscript

DUNE = {"title": "Dune", "author": "Frank Herbert", "isbn": "9780441172719"}


def test_create_and_read_through_the_dtos(database_url: str, transcript: MakeTranscript) -> None:
    record = transcript("l13_databases/dto")
    with TestClient(create_app(database_url)) as client:
        created = record(client.post("/books", json=DUNE))
        fetched = client.get(f"/books/{created.json()['id']}")
        chosen_id = record(client.post("/books", json={**DUNE, "isbn": "9780000000001", "id": 7}))

    assert created.status_code == 201
    assert created.json() == {**DUNE, "id": 1}
    assert fetched.json() == created.json()
    # The write DTO has no `id` field: a client cannot pick one.
    assert chosen_id.status_code == 400
    assert chosen_id.json()["detail"] == "Object contains unknown field `id`"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": ""}, "Expected `str` of length >= 1 - at `$.title`"),
        ({"title": "x" * 201}, "Expected `str` of length <= 200 - at `$.title`"),
        ({"isbn": "978-0441172719"}, "Expected `str` of length <= 13 - at `$.isbn`"),
        ({"isbn": "978044117271X"}, "Expected `str` matching regex '^\\\\d{13}$' - at `$.isbn`"),
        ({"isbn": "978044117271\n"}, "Expected `str` matching regex '^\\\\d{13}$' - at `$.isbn`"),
        ({"isbn": "9780441172719\n"}, "Expected `str` of length <= 13 - at `$.isbn`"),
        ({"author": 5}, "Expected `str`, got `int` - at `$.author`"),
        ({"created_at": "2026-01-01T00:00:00Z"}, "Object contains unknown field `created_at`"),
    ],
)
def test_the_models_limits_are_checked(
    database_url: str, change: dict[str, object], message: str
) -> None:
    with TestClient(create_app(database_url)) as client:
        response = client.post("/books", json={**DUNE, **change})
        missing = client.get("/books/1")

    assert response.status_code == 400
    assert response.json()["detail"] == message
    assert missing.status_code == 404  # nothing was stored


def test_the_schema_shows_the_dto_shapes_not_the_table(database_url: str) -> None:
    with TestClient(create_app(database_url)) as client:
        schemas = client.get("/schema/openapi.json").json()["components"]["schemas"]

    # DTO component names depend on how many apps the process built (a suffix
    # such as _0 is added), so look them up by what they contain.
    request = next(schema for name, schema in schemas.items() if "RequestBody" in name)
    response = next(schema for name, schema in schemas.items() if "ResponseBody" in name)
    assert set(request["properties"]) == {"title", "author", "isbn"}
    assert set(response["properties"]) == {"id", "title", "author", "isbn"}
    assert request["properties"]["title"] == {"type": "string", "maxLength": 200, "minLength": 1}
