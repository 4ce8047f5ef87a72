"""Step 04: the book as a dataclass; slots=True keeps defaulted fields in the response."""

from dataclasses import dataclass

from litestar import Litestar, post
from litestar.params import JSONBody
from litestar.testing import TestClient

from lessons.l04_request_bodies.step04_dataclass import BOOKS, Book, app
from tests.transcripts import MakeTranscript


def test_dataclass_errors(transcript: MakeTranscript) -> None:
    record = transcript("l04_request_bodies/dataclass-errors")
    with TestClient(app) as client:
        missing = record(client.post("/books", json={"title": "Dune"}))
        wrong_type = record(client.post("/books", json={"title": "Dune", "price": "cheap"}))
        too_small = record(client.post("/books", json={"title": "Dune", "price": 0}))

    assert missing.json()["extra"] == [
        {"message": "Object missing required field `price`", "key": "data", "source": "body"}
    ]
    assert wrong_type.json()["extra"] == [
        {"message": "Expected `float`, got `str`", "key": "price", "source": "body"}
    ]
    assert too_small.json()["extra"] == [
        {"message": "Expected `float` > 0.0", "key": "price", "source": "body"}
    ]
    assert BOOKS == []


def test_the_stored_book_has_every_field() -> None:
    with TestClient(app) as client:
        client.post("/books", json={"title": "Dune", "price": 9.5})

    assert [Book(title="Dune", price=9.5, in_stock=True, tags=[])] == BOOKS


def test_without_slots_a_decoded_dataclass_loses_its_plain_defaults() -> None:
    # --8<-- [start:slots-pitfall]
    @dataclass  # no slots=True
    class Book:
        title: str
        in_stock: bool = True  # a plain default, not a default_factory

    # --8<-- [end:slots-pitfall]

    @post("/books")
    async def create_book(data: JSONBody[Book]) -> Book:
        return data

    with TestClient(Litestar([create_book])) as client:
        response = client.post("/books", json={"title": "Dune"})

    # msgspec leaves the defaulted field out of the instance's __dict__ (reading
    # `data.in_stock` still works, through the class attribute), and msgspec
    # encodes a dataclass from its __dict__: the field vanishes from the response.
    assert response.json() == {"title": "Dune"}
