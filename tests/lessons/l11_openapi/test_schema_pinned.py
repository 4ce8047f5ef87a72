"""The whole generated document, pinned: any change to it shows up as a diff of a transcript.

docs/transcripts/l11_openapi/openapi.txt is the pinned schema. When the code changes the
document, test_the_schema_is_pinned fails with the diff; if the change is meant, rewrite the
transcript with `pytest --update-transcripts` and review it like any other change.
"""

from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from lessons.l11_openapi import step01_config, step02_operations, step03_responses, step04_ui
from tests.lessons.l11_openapi.openapi_checks import problems
from tests.transcripts import MakeTranscript


def document_of(app: Litestar) -> dict[str, Any]:
    with TestClient(app) as client:
        document: dict[str, Any] = client.get("/schema/openapi.json").json()
    return document


# --8<-- [start:pin]
def test_the_schema_is_pinned(transcript: MakeTranscript) -> None:
    record = transcript("l11_openapi/openapi")
    with TestClient(step04_ui.app) as client:
        response = record(client.get("/schema/openapi.json"))

    assert response.status_code == 200


def test_the_pinned_schema_says_what_matters() -> None:
    document = document_of(step04_ui.app)
    paths = document["paths"]

    assert document["openapi"] == "3.1.0"
    assert document["info"]["title"] == "Library API"
    assert [tag["name"] for tag in document["tags"]] == ["books", "search"]
    assert paths["/search"]["get"]["deprecated"] is True
    assert "/health" not in paths
    assert "404" in paths["/books/{book_id}"]["get"]["responses"]
    assert "409" in paths["/books"]["post"]["responses"]
    body = paths["/books"]["post"]["requestBody"]["content"]["application/json"]
    assert body["schema"]["examples"]
    # No security: nothing here asks for credentials, so the document must not claim any.
    assert "security" not in document
    assert "securitySchemes" not in document.get("components", {})
    assert all("security" not in op for item in paths.values() for op in item.values())


# --8<-- [end:pin]


@pytest.mark.parametrize(
    "app",
    [step01_config.app, step02_operations.app, step03_responses.app, step04_ui.app],
    ids=["step01", "step02", "step03", "step04"],
)
def test_every_steps_document_is_structurally_sound(app: Litestar) -> None:
    assert problems(document_of(app)) == []


def test_the_checks_catch_what_they_look_for() -> None:
    broken = document_of(step04_ui.app)
    paths = broken["paths"]
    paths["/books"]["get"]["operationId"] = paths["/books/search"]["get"]["operationId"]
    paths["/books"]["get"]["tags"] = ["shelves"]
    paths["/books/{book_id}"]["get"]["parameters"] = []
    paths["/books/{book_id}"]["get"]["responses"]["404"].pop("description")
    paths["/search"]["get"]["responses"]["4O4"] = {"description": "typo"}
    del broken["components"]["schemas"]["ErrorBody"]
    broken["openapi"] = "3.0.3"

    assert problems(broken) == [
        "openapi is '3.0.3', not 3.1.x",
        "GET /books: tags ['shelves'] are not declared",
        "GET /books/{book_id}: path parameters [] != template ['book_id']",
        "GET /books/{book_id}: response 404 has no description",
        "GET /books/search: operationId 'searchBooks' repeats GET /books",
        "GET /search: response key '4O4' is not a status code",
        "$ref '#/components/schemas/ErrorBody' resolves to nothing",
    ]
