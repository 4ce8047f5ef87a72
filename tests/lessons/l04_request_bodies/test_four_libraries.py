"""What the four book apps share: the same contract, and every bad body is a 400."""

from types import ModuleType
from typing import Annotated

import pytest
from litestar import Litestar, post
from litestar.dto import DataclassDTO, DTOConfig
from litestar.params import JSONBody
from litestar.testing import TestClient

from lessons.l04_request_bodies import (
    step01_pydantic,
    step02_msgspec,
    step03_attrs,
    step04_dataclass,
)

STEPS = [step01_pydantic, step02_msgspec, step03_attrs, step04_dataclass]
DUNE = {"title": "Dune", "price": 9.5}


@pytest.fixture(params=STEPS, ids=lambda module: module.__name__.rsplit(".", 1)[1])
def step(request: pytest.FixtureRequest) -> ModuleType:
    module: ModuleType = request.param
    return module


def test_a_valid_book_is_created_stored_and_listed_with_its_defaults(step: ModuleType) -> None:
    with TestClient(step.app) as client:
        created = client.post("/books", json=DUNE)
        listed = client.get("/books")

    expected = {"title": "Dune", "price": 9.5, "in_stock": True, "tags": []}
    assert created.status_code == 201
    assert created.json() == expected
    assert listed.json() == [expected]
    assert isinstance(step.BOOKS[0], step.Book)  # the handler got the model, not a dict


def test_an_integer_price_is_accepted_as_a_float(step: ModuleType) -> None:
    with TestClient(step.app) as client:
        response = client.post("/books", json={"title": "Dune", "price": 10})

    assert response.json()["price"] == 10.0


BAD_BODIES = {
    "malformed JSON": {"content": b'{"title": "Dune",'},
    "empty body": {"content": b""},
    "JSON null": {"content": b"null"},
    "a list, not an object": {"json": [DUNE]},
    "form data, not JSON": {"data": {"title": "Dune", "price": "9.5"}},
    "missing field": {"json": {"title": "Dune"}},
    "wrong type": {"json": {"title": "Dune", "price": "cheap"}},
    "wrong type in a list": {"json": {**DUNE, "tags": [1, 2]}},
    "empty title": {"json": {"title": "", "price": 9.5}},
    "title too long": {"json": {"title": "x" * 101, "price": 9.5}},
    "zero price": {"json": {"title": "Dune", "price": 0}},
    "price too high": {"json": {"title": "Dune", "price": 1000.01}},
}


@pytest.mark.parametrize("request_kwargs", BAD_BODIES.values(), ids=BAD_BODIES.keys())
def test_every_bad_body_is_a_400_with_a_message_and_stores_nothing(
    step: ModuleType, request_kwargs: dict[str, object]
) -> None:
    with TestClient(step.app) as client:
        response = client.post("/books", **request_kwargs)  # type: ignore[arg-type]

    assert response.status_code == 400
    body = response.json()
    assert body["status_code"] == 400
    assert body["detail"]
    assert all(problem["message"] for problem in body.get("extra", []))
    assert step.BOOKS == []


def test_the_content_type_header_is_not_checked_for_json_bodies(step: ModuleType) -> None:
    # Litestar parses the bytes as JSON whatever Content-Type says. A form post
    # fails above only because its bytes are not JSON.
    with TestClient(step.app) as client:
        response = client.post(
            "/books",
            content=b'{"title": "Dune", "price": 9.5}',
            headers={"Content-Type": "text/plain"},
        )

    assert response.status_code == 201


def test_malformed_json_is_named_by_msgspec_whatever_the_model_library(step: ModuleType) -> None:
    # The body is parsed (by msgspec) before any model library sees it.
    with TestClient(step.app) as client:
        response = client.post("/books", content=b'{"title": "Dune",')

    assert response.json() == {
        "status_code": 400,
        "detail": "Input data was truncated",
    }


def test_an_empty_body_is_a_400_with_an_unhelpful_message(step: ModuleType) -> None:
    with TestClient(step.app) as client:
        response = client.post("/books")

    # The message is the repr of a KeyError; step 6 turns it into a sentence.
    assert response.json()["extra"] == [{"message": "'data'", "key": "data", "source": "body"}]


def test_the_openapi_schema_describes_the_body(step: ModuleType) -> None:
    with TestClient(step.app) as client:
        document = client.get("/schema/openapi.json").json()

    body = document["paths"]["/books"]["post"]["requestBody"]
    assert body["required"] is True
    assert body["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Book"}
    book = document["components"]["schemas"]["Book"]
    assert sorted(book["required"]) == ["price", "title"]
    assert set(book["properties"]) == {"title", "price", "in_stock", "tags"}


# --8<-- [start:unknown-pitfall]
@pytest.mark.parametrize("step", [step03_attrs, step04_dataclass], ids=["attrs", "dataclass"])
def test_attrs_and_dataclass_books_drop_unknown_fields_silently(step: ModuleType) -> None:
    with TestClient(step.app) as client:
        # The client misspells `tags`: a 201 hides that the tag was lost.
        response = client.post("/books", json={"title": "Dune", "price": 9.5, "tag": ["sf"]})

    assert response.status_code == 201
    assert response.json()["tags"] == []


# --8<-- [end:unknown-pitfall]


@pytest.mark.parametrize("step", [step01_pydantic, step02_msgspec], ids=["pydantic", "msgspec"])
def test_pydantic_and_msgspec_books_are_told_to_refuse_them(step: ModuleType) -> None:
    with TestClient(step.app) as client:
        response = client.post("/books", json={"title": "Dune", "price": 9.5, "tag": ["sf"]})

    assert response.status_code == 400
    assert "tag" in response.json()["extra"][0]["message"] + response.json()["extra"][0]["key"]


def test_a_dto_can_refuse_them_for_a_dataclass() -> None:
    # Lesson 08 covers DTOs; this one line of config is all it takes.
    dto = DataclassDTO[Annotated[step04_dataclass.Book, DTOConfig(forbid_unknown_fields=True)]]

    @post("/books", dto=dto, signature_namespace={"Book": step04_dataclass.Book})
    async def create_book(data: JSONBody[step04_dataclass.Book]) -> step04_dataclass.Book:
        return data

    with TestClient(Litestar([create_book])) as client:
        response = client.post("/books", json={"title": "Dune", "price": 9.5, "tag": ["sf"]})

    assert response.json() == {"status_code": 400, "detail": "Object contains unknown field `tag`"}


def test_only_pydantic_reports_more_than_the_first_problem(step: ModuleType) -> None:
    with TestClient(step.app) as client:
        response = client.post("/books", json={"title": "", "price": -1, "in_stock": "perhaps"})

    reported = len(response.json()["extra"])
    assert reported == (3 if step is step01_pydantic else 1)
