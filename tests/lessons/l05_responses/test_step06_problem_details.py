"""Step 06: errors as application/problem+json, with RFC 9457's members."""

from litestar import Litestar, get, post
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, JSONBody
from litestar.plugins.problem_details import (
    ProblemDetailsConfig,
    ProblemDetailsException,
    ProblemDetailsPlugin,
)
from litestar.testing import TestClient

from lessons.l05_responses.step06_problem_details import app
from tests.transcripts import MakeTranscript

PROBLEM_JSON = "application/problem+json"


def test_a_loaned_book_is_a_409_problem(transcript: MakeTranscript) -> None:
    record = transcript("l05_responses/problem")
    with TestClient(app) as client:
        response = record(client.post("/loans", json={"book_id": 3}))

    assert response.status_code == 409
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.json() == {
        "type": "/problems/on-loan",
        "title": "The book is on loan",
        "status": 409,
        "detail": "Book 3 is due back on 2026-12-15.",
        "instance": "/books/3",
        "due_back": "2026-12-15",  # an extension member: `extra` is merged in at the top
    }


def test_every_other_http_error_is_a_problem_too(transcript: MakeTranscript) -> None:
    record = transcript("l05_responses/problem-other")
    with TestClient(app) as client:
        missing = record(client.post("/loans", json={"book_id": 9}))
        invalid = record(client.post("/loans", json={"book_id": "three"}))

    assert missing.headers["content-type"] == PROBLEM_JSON
    assert missing.json() == {"status": 404, "title": "Not Found", "detail": "Book 9 not found"}
    assert invalid.json() == {
        "status": 400,
        "title": "Bad Request",
        "detail": "Validation failed for POST /loans",
        "extra": [{"message": "Expected `int`, got `str`", "key": "book_id", "source": "body"}],
    }


def test_routing_errors_go_through_the_plugin_as_well() -> None:
    with TestClient(app) as client:
        unknown = client.get("/nowhere")
        wrong_method = client.get("/loans")

    assert unknown.json() == {"status": 404, "title": "Not Found", "detail": "Not Found"}
    assert wrong_method.status_code == 405
    assert wrong_method.headers["content-type"] == PROBLEM_JSON
    assert set(wrong_method.headers["allow"].split(", ")) == {"OPTIONS", "POST"}  # headers kept


def test_a_loan_that_works_is_plain_json() -> None:
    with TestClient(app) as client:
        response = client.post("/loans", json={"book_id": 1})

    assert response.status_code == 201
    assert response.headers["content-type"] == "application/json"


def test_the_schema_documents_the_problem_responses() -> None:
    with TestClient(app) as client:
        responses = client.get("/schema/openapi.json").json()["paths"]["/loans"]["post"][
            "responses"
        ]

    for status in ("400", "404", "409"):
        assert list(responses[status]["content"]) == [PROBLEM_JSON]


@get("/books/{book_id:int}")
async def get_book(book_id: FromPath[int]) -> None:
    raise NotFoundException(f"Book {book_id} not found")


def test_enable_for_all_puts_the_message_in_title() -> None:
    config = ProblemDetailsConfig(enable_for_all_http_exceptions=True)
    with TestClient(Litestar([get_book], plugins=[ProblemDetailsPlugin(config)])) as client:
        response = client.get("/books/9")

    # The occurrence's message lands in `title`, and `detail` is the status's name: the
    # reverse of RFC 9457 (title: the same for every problem of a type; detail: this one).
    assert response.json() == {"status": 404, "title": "Book 9 not found", "detail": "Not Found"}


def test_without_the_plugin_a_problem_exception_is_an_ordinary_error() -> None:
    @get("/loans/1")
    async def loan() -> None:
        raise ProblemDetailsException(status_code=409, title="The book is on loan")

    with TestClient(Litestar([loan])) as client:
        response = client.get("/loans/1")

    # Litestar's default shape and media type: the plugin is what makes it a problem.
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"status_code": 409, "detail": "Conflict"}


def test_the_plugin_leaves_the_schema_as_it_was() -> None:
    @post("/loans")
    async def borrow(data: JSONBody[dict[str, int]]) -> dict[str, int]:
        return data

    plugin = ProblemDetailsPlugin(ProblemDetailsConfig(enable_for_all_http_exceptions=True))
    with TestClient(Litestar([borrow], plugins=[plugin])) as client:
        responses = client.get("/schema/openapi.json").json()["paths"]["/loans"]["post"][
            "responses"
        ]

    # What a 400 really is: application/problem+json. What /schema says: Litestar's own shape.
    bad_request = responses["400"]["content"]
    assert list(bad_request) == ["application/json"]
    assert set(bad_request["application/json"]["schema"]["required"]) == {"detail", "status_code"}
