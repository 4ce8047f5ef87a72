"""Step 06: every 400 answered in one shape, whichever check failed."""

from typing import Any

import pytest
from litestar import Litestar, Request, Response, post
from litestar.exceptions import ClientException, HTTPException, ValidationException
from litestar.params import JSONBody
from litestar.testing import TestClient

from lessons.l04_request_bodies import step02_msgspec
from lessons.l04_request_bodies.step02_msgspec import BOOKS, Book
from lessons.l04_request_bodies.step06_error_shape import app, bad_request
from tests.transcripts import MakeTranscript


def test_one_shape_for_every_bad_body(transcript: MakeTranscript) -> None:
    record = transcript("l04_request_bodies/error-shape")
    with TestClient(app) as client:
        empty = record(client.post("/books"))
        malformed = record(client.post("/books", content=b'{"title": Dune}'))
        constraint = record(client.post("/books", json={"title": "Dune", "price": 0}))

    assert empty.json() == {
        "error": "invalid_request",
        "problems": [{"field": None, "message": "The request body is empty"}],
    }
    assert malformed.json() == {
        "error": "invalid_request",
        "problems": [{"field": None, "message": "JSON is malformed: invalid character (byte 10)"}],
    }
    assert constraint.json() == {
        "error": "invalid_request",
        "problems": [{"field": "price", "message": "Expected `float` > 0.0"}],
    }


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"title": "Dune"}, None, "Object missing required field `price`"),
        ({"title": "Dune", "price": "x"}, "price", "Expected `float`, got `str`"),
        ({"title": "Dune", "price": 1, "tag": "sf"}, None, "Object contains unknown field `tag`"),
        ([], None, "Expected `object`, got `array`"),
    ],
)
def test_each_problem_has_a_field_and_a_message(
    body: object, field: str | None, message: str
) -> None:
    with TestClient(app) as client:
        response = client.post("/books", json=body)

    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid_request",
        "problems": [{"field": field, "message": message}],
    }
    assert BOOKS == []


def test_good_requests_and_other_errors_are_untouched() -> None:
    with TestClient(app) as client:
        created = client.post("/books", json={"title": "Dune", "price": 9.5})
        missing_route = client.get("/nowhere")

    assert created.status_code == 201
    assert missing_route.json() == {"status_code": 404, "detail": "Not Found"}


# --8<-- [start:schema]
def test_the_schema_documents_the_same_shape() -> None:
    with TestClient(app) as client:
        schema = client.get("/schema/openapi.json").json()

    bad_request = schema["paths"]["/books"]["post"]["responses"]["400"]
    assert bad_request["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/BadRequest"
    }
    assert schema["components"]["schemas"]["BadRequest"]["required"] == ["error", "problems"]


# --8<-- [end:schema]


def test_without_responses_the_schema_still_promises_litestars_own_400() -> None:
    # The same exception handler, on step 2's create_book, which declares no `responses`.
    unchanged = Litestar([step02_msgspec.create_book], exception_handlers={400: bad_request})
    with TestClient(unchanged) as client:
        schema = client.get("/schema/openapi.json").json()
        answer = client.post("/books", json={"title": "Dune"})

    documented = schema["paths"]["/books"]["post"]["responses"]["400"]
    properties = documented["content"]["application/json"]["schema"]["properties"]
    assert set(properties) == {"status_code", "detail", "extra"}
    assert set(answer.json()) == {"error", "problems"}  # what clients really get


def test_a_handler_for_400_gets_both_kinds_of_bad_request() -> None:
    received: list[type[HTTPException]] = []

    def spy(request: Request[Any, Any, Any], exc: HTTPException) -> Response[str]:
        received.append(type(exc))
        return Response("bad", status_code=400)

    @post("/books")
    async def create_book(data: JSONBody[Book]) -> Book:
        return data

    with TestClient(Litestar([create_book], exception_handlers={400: spy})) as client:
        client.post("/books", json={"title": "Dune"})  # fails the model
        client.post("/books", content=b'{"title": ')  # is not JSON at all

    # A body that fails its model raises ValidationException; JSON that does not
    # parse raises a plain ClientException. Both are HTTPExceptions with status 400.
    assert received == [ValidationException, ClientException]
    assert issubclass(ValidationException, ClientException)
