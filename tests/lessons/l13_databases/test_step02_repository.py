"""Step 02: the repository's errors become 404 and 409; deletes are committed."""

import asyncio

import pytest
from litestar.testing import TestClient
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

from lessons.l13_databases.models import Book
from lessons.l13_databases.step02_repository import BookRepository, create_app
from tests.transcripts import MakeTranscript

DUNE = {"title": "Dune", "author": "Frank Herbert", "isbn": "9780441172719"}
EMMA = {"title": "Emma", "author": "Jane Austen", "isbn": "9780141439587"}


def test_add_list_get_delete(database_url: str, transcript: MakeTranscript) -> None:
    record = transcript("l13_databases/repository")
    with TestClient(create_app(database_url)) as client:
        dune = client.post("/books", json=DUNE).json()
        emma = client.post("/books", json=EMMA).json()
        listed = client.get("/books").json()
        deleted = record(client.delete(f"/books/{dune['id']}"))
        gone = record(client.get(f"/books/{dune['id']}"))
        duplicate = record(client.post("/books", json={**EMMA, "title": "Emma II"}))
        remaining = client.get("/books").json()

    assert [book["title"] for book in listed] == ["Dune", "Emma"]
    assert deleted.status_code == 204
    assert gone.status_code == 404
    assert duplicate.status_code == 409
    assert remaining == [emma]


def test_deleting_a_missing_book_is_404(database_url: str) -> None:
    with TestClient(create_app(database_url)) as client:
        response = client.delete("/books/7")

    assert response.status_code == 404


# --8<-- [start:id-range]
def test_an_id_sqlite_cannot_store_is_a_400_not_a_500(database_url: str) -> None:
    too_big = 2**63  # one past SQLite's largest INTEGER
    with TestClient(create_app(database_url)) as client:
        largest = client.get(f"/books/{too_big - 1}")
        read = client.get(f"/books/{too_big}")
        deleted = client.delete(f"/books/{too_big}")
        negative = client.get(f"/books/{-too_big}")

    assert largest.status_code == 404  # still a valid id: just no such book
    assert read.status_code == deleted.status_code == negative.status_code == 400
    assert read.json()["extra"] == [
        {"message": f"Expected `int` <= {too_big - 1}", "key": "book_id", "source": "path"}
    ]


# --8<-- [end:id-range]


def test_list_and_list_and_count_are_deprecated(database_url: str) -> None:
    async def call(method: str) -> None:
        engine = create_async_engine(database_url)
        async with engine.begin() as connection:
            await connection.run_sync(Book.metadata.create_all)
        try:
            async with AsyncSession(engine) as session:
                await getattr(BookRepository(session=session), method)()
        finally:
            await engine.dispose()

    # Deprecated in advanced-alchemy 1.10.0, each pointing at its replacement.
    with pytest.warns(DeprecationWarning, match=r"1\.10\.0.*get_many\b"):
        asyncio.run(call("list"))
    with pytest.warns(DeprecationWarning, match=r"1\.10\.0.*get_many_and_count"):
        asyncio.run(call("list_and_count"))
