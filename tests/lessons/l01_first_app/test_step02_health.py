"""Step 02: the health check, and the OpenAPI document and UIs Litestar generates."""

import pytest
from litestar.testing import TestClient

from lessons.l01_first_app.step02_health import app
from tests.transcripts import MakeTranscript


# --8<-- [start:transcript]
def test_hello_and_health(transcript: MakeTranscript) -> None:
    record = transcript("l01_first_app/health")
    with TestClient(app) as client:
        hello = record(client.get("/"))
        health = record(client.get("/health"))
        missing = record(client.get("/healthz"))

    assert hello.json() == {"message": "Hello, Litestar!"}
    assert health.status_code == 200
    assert health.json() == {"status": "ok"}
    # A path with no handler is a 404 with Litestar's standard error body.
    assert missing.status_code == 404
    assert missing.json() == {"status_code": 404, "detail": "Not Found"}


# --8<-- [end:transcript]


def test_openapi_document_describes_both_routes(transcript: MakeTranscript) -> None:
    record = transcript("l01_first_app/openapi")
    with TestClient(app) as client:
        document = record(client.get("/schema/openapi.json")).json()

    assert document["openapi"].startswith("3.1")
    assert document["info"] == {"title": "Litestar API", "version": "1.0.0"}
    assert set(document["paths"]) == {"/", "/health"}
    health = document["paths"]["/health"]["get"]
    # The summary comes from the function name and the tags from the decorator.
    assert health["summary"] == "Health"
    assert health["tags"] == ["operations"]
    # Docstrings stay out of the document unless OpenAPIConfig(use_handler_docstrings=True).
    assert "description" not in health


def test_schema_serves_redoc_by_default_and_swagger_beside_it() -> None:
    with TestClient(app) as client:
        root = client.get("/schema")
        swagger = client.get("/schema/swagger")
        yaml = client.get("/schema/openapi.yaml")

    # `/schema` on its own is ReDoc, not Swagger UI.
    assert root.status_code == 200
    assert "redoc" in root.text.lower()
    assert swagger.status_code == 200
    assert "swagger-ui" in swagger.text
    assert yaml.status_code == 200
    assert "openapi: 3.1.0" in yaml.text


@pytest.mark.parametrize("viewer", ["redoc", "elements", "rapidoc"])
def test_the_other_viewers_serve_the_same_document(viewer: str) -> None:
    with TestClient(app) as client:
        page = client.get(f"/schema/{viewer}")

    assert page.status_code == 200
    assert viewer in page.text.lower()
    # Each viewer shows the one document: it embeds it, or loads it by its URL.
    assert '"/health"' in page.text or "/schema/openapi.json" in page.text
