"""Step 02: the repository's errors become 404 and 409; deletes are committed."""

from litestar.testing import TestClient

from lessons.l12_databases.step02_repository import create_app
from tests.transcripts import MakeTranscript

DUNE = {"title": "Dune", "author": "Frank Herbert", "isbn": "9780441172719"}
EMMA = {"title": "Emma", "author": "Jane Austen", "isbn": "9780141439587"}


def test_add_list_get_delete(database_url: str, transcript: MakeTranscript) -> None:
    record = transcript("l12_databases/repository")
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
