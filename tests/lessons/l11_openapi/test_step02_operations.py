"""Step 02: per-operation summary, description, tags, operationId, deprecated and hidden routes."""

import json

import pytest
from litestar import Litestar, get
from litestar.exceptions import ImproperlyConfiguredException
from litestar.testing import TestClient

from lessons.l11_openapi.step02_operations import app
from tests.transcripts import MakeTranscript


def test_the_search_operation_as_documented(transcript: MakeTranscript) -> None:
    record = transcript("l11_openapi/search-operation")
    with TestClient(app) as client:
        paths = client.get("/schema/openapi.json").json()["paths"]
    operation = paths["/books/search"]["get"]
    shown = {key: operation[key] for key in ("tags", "summary", "description", "operationId")}
    command = (
        "$ curl -s http://127.0.0.1:8000/schema/openapi.json"
        " | jq '.paths[\"/books/search\"].get | {tags, summary, description, operationId}'"
    )
    record.add_text(f"{command}\n{json.dumps(shown, indent=2)}")

    assert shown == {
        "tags": ["search"],
        "summary": "Search the catalogue",
        # The explicit description, not the docstring.
        "description": "Case-insensitive match on the title and the author.",
        "operationId": "searchBooks",
    }


def test_default_summary_and_operation_id_come_from_the_function_name() -> None:
    @get("/books/search")
    async def search_books() -> list[str]:
        return []

    with TestClient(Litestar([search_books])) as client:
        undocumented = client.get("/schema/openapi.json").json()["paths"]["/books/search"]["get"]
    with TestClient(app) as client:
        paths = client.get("/schema/openapi.json").json()["paths"]

    assert undocumented["summary"] == "SearchBooks"
    assert undocumented["operationId"] == "BooksSearchSearchBooks"
    assert paths["/books"]["get"]["operationId"] == "BooksListBooks"
    assert paths["/books/{book_id}"]["get"]["operationId"] == "BooksBookIdGetBook"


def test_deprecated_is_documented_and_the_route_still_answers(transcript: MakeTranscript) -> None:
    record = transcript("l11_openapi/deprecated-and-hidden")
    with TestClient(app) as client:
        new = record(client.get("/books/search", params={"q": "DUNE"}))
        old = record(client.get("/search", params={"title": "dune"}))
        health = record(client.get("/health"))
        paths = client.get("/schema/openapi.json").json()["paths"]

    assert old.json() == new.json()
    assert new.json() == [{"id": 1, "title": "Dune", "author": "Frank Herbert", "year": 1965}]
    assert paths["/search"]["get"]["deprecated"] is True
    assert paths["/books/search"]["get"]["deprecated"] is False
    # include_in_schema=False hides the route from the document, not from clients.
    assert health.json() == {"status": "ok"}
    assert "/health" not in paths


def test_bad_input_to_the_new_and_the_old_search_is_a_400() -> None:
    with TestClient(app) as client:
        new = client.get("/books/search")
        old = client.get("/search")

    assert new.status_code == old.status_code == 400
    assert new.json()["detail"] == "Missing required query parameter 'q' for path /books/search"
    assert old.json()["detail"] == "Missing required query parameter 'title' for path /search"


def test_a_duplicate_operation_id_breaks_only_the_docs() -> None:
    # --8<-- [start:pitfall]
    @get("/books", operation_id="listBooks")
    async def list_books() -> list[str]:
        return []

    @get("/authors", operation_id="listBooks")  # copied and pasted, not renamed
    async def list_authors() -> list[str]:
        return []

    # --8<-- [end:pitfall]
    app = Litestar(route_handlers=[list_books, list_authors])  # starts without complaint
    with TestClient(app) as client:
        books = client.get("/books")
        schema = client.get("/schema/openapi.json")

    assert books.status_code == 200
    # The document is built on its first request, and that request fails.
    assert schema.status_code == 500
    with pytest.raises(ImproperlyConfiguredException, match="operation_ids must be unique"):
        _ = app.openapi_schema
