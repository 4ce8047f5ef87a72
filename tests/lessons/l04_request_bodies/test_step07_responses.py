"""Step 07: 201 with a Location header, 200 for a POST that creates nothing, 202 for later work."""

from litestar import Litestar, post
from litestar.params import JSONBody
from litestar.testing import TestClient

from lessons.l04_request_bodies.step02_msgspec import Book
from lessons.l04_request_bodies.step07_responses import BOOKS, app
from tests.transcripts import MakeTranscript

DUNE = {"title": "Dune", "price": 9.5}


def test_created_with_a_location_that_works(transcript: MakeTranscript) -> None:
    record = transcript("l04_request_bodies/created")
    with TestClient(app) as client:
        created = record(client.post("/books", json=DUNE), headers=["location"])
        fetched = record(client.get(created.headers["location"]))

    assert created.status_code == 201
    assert created.headers["location"] == "/books/1"
    assert fetched.json() == created.json()


def test_a_rejected_body_creates_nothing() -> None:
    with TestClient(app) as client:
        response = client.post("/books", json={"title": "Dune"})
        missing = client.get("/books/1")

    assert response.status_code == 400
    assert "location" not in response.headers
    assert missing.status_code == 404
    assert BOOKS == {}


def test_ok_and_accepted(transcript: MakeTranscript) -> None:
    record = transcript("l04_request_bodies/ok-and-accepted")
    two_books = [DUNE, {"title": "Emma", "price": 4.25}]
    with TestClient(app) as client:
        quoted = record(client.post("/quotes", json=two_books))
        accepted = record(client.post("/imports", json=two_books))
        imported = client.get("/books/2")

    assert quoted.status_code == 200
    assert quoted.json() == {"total": 13.75}
    # The Response object kept the decorator's 202 because it did not set its own.
    assert accepted.status_code == 202
    assert accepted.json() == {"queued": 2}
    # By the time TestClient returns, the background task has run.
    assert imported.json()["title"] == "Emma"
    assert list(BOOKS) == [1, 2]


# --8<-- [start:status-pitfall]
def test_post_says_201_even_when_nothing_was_created() -> None:
    @post("/quotes")  # no status_code: the POST default applies
    async def quote(data: JSONBody[list[Book]]) -> dict[str, float]:
        return {"total": sum(book.price for book in data)}

    with TestClient(Litestar([quote])) as client:
        response = client.post("/quotes", json=[DUNE])

    assert response.status_code == 201  # "Created", though nothing was


# --8<-- [end:status-pitfall]
