"""Step 03: documented error responses, examples, and 4xx answers that match the document."""

from typing import Any

import msgspec
import pytest
from litestar import Litestar, get
from litestar.exceptions import NotFoundException
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath
from litestar.testing import TestClient

from lessons.l11_openapi.step03_responses import app
from tests.transcripts import MakeTranscript


def operation(client: TestClient[Litestar], path: str, method: str) -> dict[str, Any]:
    operation: dict[str, Any] = client.get("/schema/openapi.json").json()["paths"][path][method]
    return operation


def test_the_404_is_documented_with_its_model_and_example() -> None:
    with TestClient(app) as client:
        responses = operation(client, "/books/{book_id}", "get")["responses"]

    assert set(responses) == {"200", "400", "404"}
    not_found = responses["404"]
    assert not_found["description"] == "No book has this number"
    content = not_found["content"]["application/json"]
    assert content["schema"] == {"$ref": "#/components/schemas/ErrorBody"}
    assert list(content["examples"].values()) == [
        {
            "summary": "An unknown number",
            "value": {"status_code": 404, "detail": "No book with id 99"},
        }
    ]


def test_raises_documents_the_409_in_litestars_error_shape() -> None:
    with TestClient(app) as client:
        responses = operation(client, "/books", "post")["responses"]

    assert set(responses) == {"201", "400", "409"}
    conflict = responses["409"]["content"]["application/json"]["schema"]
    assert conflict["description"] == "Duplicate Book Error"  # the class name, split into words
    assert conflict["required"] == ["detail", "status_code"]


def test_body_and_parameter_examples_are_in_the_document() -> None:
    with TestClient(app) as client:
        body = operation(client, "/books", "post")["requestBody"]
        parameters = operation(client, "/books/search", "get")["parameters"]

    body_schema = body["content"]["application/json"]["schema"]
    assert body["required"] is True
    assert body_schema["description"] == "The book to add"
    assert body_schema["examples"] == [
        {"title": "The Dispossessed", "author": "Ursula K. Le Guin", "year": 1974}
    ]
    (q,) = parameters
    assert q["description"] == "Words from the title or the author's name"
    assert q["schema"]["minLength"] == 2
    assert [example["value"] for example in q["examples"].values()] == ["dune", "butler"]


def test_field_descriptions_and_examples_come_from_msgspec_meta() -> None:
    with TestClient(app) as client:
        book = client.get("/schema/openapi.json").json()["components"]["schemas"]["Book"]

    assert book["properties"]["year"] == {
        "type": "integer",
        "maximum": 2100.0,
        "minimum": 1450.0,
        "description": "Year of first publication",
        "examples": [1965],
    }


def test_adding_a_book_and_the_answers_to_bad_input(transcript: MakeTranscript) -> None:
    record = transcript("l11_openapi/errors")
    new = {"title": "The Dispossessed", "author": "Ursula K. Le Guin", "year": 1974}
    with TestClient(app) as client:
        created = record(client.post("/books", json=new))
        duplicate = record(client.post("/books", json={**new, "title": "the dispossessed"}))
        bad_year = record(client.post("/books", json={**new, "year": 1200}))
        zero = record(client.get("/books/0"))
        short = record(client.get("/books/search", params={"q": "d"}))
        listed = client.get("/books")
        found = client.get("/books/search", params={"q": "le guin"})

    assert created.status_code == 201
    assert created.json() == {"id": 3, **new}
    assert duplicate.status_code == 409
    assert duplicate.json()["detail"] == (
        "'the dispossessed' by Ursula K. Le Guin is already in the catalogue"
    )
    assert bad_year.status_code == 400
    assert bad_year.json()["extra"] == [
        {"message": "Expected `int` >= 1450", "key": "year", "source": "body"}
    ]
    assert zero.json()["extra"] == [
        {"message": "Expected `int` >= 1", "key": "book_id", "source": "path"}
    ]
    assert short.status_code == 400
    # Nothing rejected was stored.
    assert [book["id"] for book in listed.json()] == [1, 2, 3]
    assert found.json() == [created.json()]


# Each bad request, the operation it reaches, and the status it must get.
BAD_REQUESTS = [
    ("GET", "/books/99", None, "/books/{book_id}", 404),
    ("GET", "/books/0", None, "/books/{book_id}", 400),
    ("POST", "/books", {"title": "Dune", "author": "Frank Herbert", "year": 1965}, "/books", 409),
    ("POST", "/books", {"title": "", "author": "A", "year": 2000}, "/books", 400),
    ("POST", "/books", {"title": "A"}, "/books", 400),
    ("GET", "/books/search", None, "/books/search", 400),
    ("GET", "/books/search?q=" + "x" * 51, None, "/books/search", 400),
    ("GET", "/search", None, "/search", 400),
]


@pytest.mark.parametrize(("method", "url", "body", "path", "status"), BAD_REQUESTS)
def test_every_4xx_the_api_gives_is_documented_for_that_operation(
    method: str, url: str, body: object, path: str, status: int
) -> None:
    with TestClient(app) as client:
        response = client.request(method, url, json=body)
        documented = operation(client, path, method.lower())["responses"]

    assert response.status_code == status
    assert str(status) in documented


def test_malformed_json_is_a_400_too() -> None:
    with TestClient(app) as client:
        response = client.post(
            "/books", content=b"{not json", headers={"Content-Type": "application/json"}
        )

    assert response.status_code == 400
    assert response.json()["detail"].startswith("JSON is malformed")


class Problem(msgspec.Struct):
    status_code: int
    detail: str


def test_raising_an_exception_does_not_document_it() -> None:
    # --8<-- [start:raise]
    @get("/books/{book_id:int}")
    async def get_book(book_id: FromPath[int]) -> str:
        raise NotFoundException("No such book")  # answers 404; the document never says so

    # --8<-- [end:raise]

    with TestClient(Litestar([get_book])) as client:
        answer = client.get("/books/1")
        documented = operation(client, "/books/{book_id}", "get")["responses"]

    # The schema cannot see inside the function: only raises= or responses= tell it.
    assert answer.status_code == 404
    assert set(documented) == {"200", "400"}


def test_response_spec_invents_random_examples_unless_told_not_to() -> None:
    def build() -> Litestar:
        # --8<-- [start:examples]
        @get("/", responses={404: ResponseSpec(data_container=Problem)})  # made-up examples
        # --8<-- [end:examples]
        async def handler() -> str:
            return "ok"

        return Litestar([handler])

    documents = []
    for _ in range(2):
        with TestClient(build()) as client:
            documents.append(client.get("/schema/openapi.json").json())
    first, second = (document["components"]["schemas"]["Problem"] for document in documents)

    # generate_examples defaults to True: the model gains made-up examples nobody wrote...
    assert "examples" in first
    assert first["examples"][0]["status_code"] != 404
    # ...that change every time the app starts, so a pinned schema can never match.
    assert first["examples"] != second["examples"]
