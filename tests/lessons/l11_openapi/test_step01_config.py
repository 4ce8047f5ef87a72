"""Step 01: OpenAPIConfig fills the document's info, servers and tags; docstrings on request."""

import json

from litestar import Litestar
from litestar.openapi import OpenAPIConfig
from litestar.testing import TestClient

from lessons.l11_openapi.step01_config import app, get_book, list_books
from tests.transcripts import MakeTranscript


def test_the_config_fills_info_servers_and_tags(transcript: MakeTranscript) -> None:
    record = transcript("l11_openapi/info")
    with TestClient(app) as client:
        document = client.get("/schema/openapi.json").json()
    head = {key: document[key] for key in ("openapi", "info", "servers", "tags")}
    command = (
        "$ curl -s http://127.0.0.1:8000/schema/openapi.json | jq '{openapi, info, servers, tags}'"
    )
    record.add_text(f"{command}\n{json.dumps(head, indent=2)}")

    assert document["openapi"] == "3.1.0"
    assert document["info"] == {
        "title": "Library API",
        "version": "1.0.0",
        "description": "Browse and add books. Every answer here is generated from the code.",
        "contact": {"name": "Library team", "email": "library@example.com"},
        "license": {"name": "MIT", "identifier": "MIT"},
    }
    assert [server["url"] for server in document["servers"]] == [
        "/",
        "https://library.example.com",
    ]
    assert [tag["name"] for tag in document["tags"]] == ["books", "search"]


def test_docstrings_become_descriptions_and_the_summary_comes_from_the_name() -> None:
    with TestClient(app) as client:
        paths = client.get("/schema/openapi.json").json()["paths"]

    listing = paths["/books"]["get"]
    # cleandoc() removes the indentation; the blank line between paragraphs stays.
    assert listing["description"] == (
        "Every book in the catalogue, oldest entry first.\n\n"
        "The catalogue is small, so the whole list comes back in one response."
    )
    assert listing["summary"] == "ListBooks"
    assert listing["tags"] == ["books"]
    assert paths["/books/{book_id}"]["get"]["description"] == "One book, by its catalogue number."


def test_the_books_are_served(transcript: MakeTranscript) -> None:
    record = transcript("l11_openapi/books")
    with TestClient(app) as client:
        listed = record(client.get("/books"))
        missing = record(client.get("/books/99"))

    assert [book["title"] for book in listed.json()] == ["Dune", "Kindred"]
    assert missing.status_code == 404
    assert missing.json() == {"status_code": 404, "detail": "No book with id 99"}


def test_without_render_plugins_redoc_is_at_the_root_and_scalar_is_missing(
    transcript: MakeTranscript,
) -> None:
    record = transcript("l11_openapi/default-uis")
    with TestClient(app) as client:
        root = record(client.get("/schema"))
        redoc = client.get("/schema/redoc")
        swagger = record(client.get("/schema/swagger"))
        scalar = record(client.get("/schema/scalar"))
        others = [client.get(f"/schema/{name}") for name in ("elements", "rapidoc", "openapi.yaml")]

    assert root.text == redoc.text
    assert "redoc" in root.text
    assert "swagger-ui" in swagger.text
    assert scalar.status_code == 404
    assert [response.status_code for response in others] == [200, 200, 200]


def test_docstrings_are_left_out_unless_you_ask() -> None:
    plain = Litestar(
        route_handlers=[list_books, get_book],
        openapi_config=OpenAPIConfig(title="Library API", version="1.0.0"),
    )
    with TestClient(plain) as client:
        listing = client.get("/schema/openapi.json").json()["paths"]["/books"]["get"]

    # use_handler_docstrings is False by default: the docstring is not in the document.
    assert "description" not in listing
    assert listing["summary"] == "ListBooks"
