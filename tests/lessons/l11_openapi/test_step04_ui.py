"""Step 04: render plugins choose the UIs; the first is served at the root of the docs path."""

import dataclasses

import pytest
from litestar import Litestar
from litestar.exceptions import LitestarDeprecationWarning
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import ScalarRenderPlugin, SwaggerRenderPlugin
from litestar.testing import TestClient

from lessons.l11_openapi.step01_config import list_books
from lessons.l11_openapi.step01_config import openapi_config as described
from lessons.l11_openapi.step04_ui import app
from tests.transcripts import MakeTranscript


def test_the_first_plugin_answers_at_the_root(transcript: MakeTranscript) -> None:
    record = transcript("l11_openapi/uis")
    with TestClient(app) as client:
        root = record(client.get("/schema"))
        scalar = client.get("/schema/scalar")
        swagger = client.get("/schema/swagger")
        redoc = client.get("/schema/redoc")
        yaml = client.get("/schema/openapi.yaml")
        elements = record(client.get("/schema/elements"))
        rapidoc = client.get("/schema/rapidoc")

    assert root.text == scalar.text
    assert "@scalar/api-reference" in root.text
    assert "swagger-ui" in swagger.text
    assert "redoc" in redoc.text
    assert yaml.headers["content-type"].startswith("application/vnd.oai.openapi")
    assert yaml.text.startswith("components:")
    # Not listed, so not served.
    assert [elements.status_code, rapidoc.status_code] == [404, 404]


def test_the_json_document_is_served_even_when_no_plugin_lists_it() -> None:
    with TestClient(app) as client:
        response = client.get("/schema/openapi.json")

    assert response.headers["content-type"] == "application/vnd.oai.openapi+json"
    assert response.json()["info"]["title"] == "Library API"


def test_the_ui_step_keeps_everything_step_3_documented() -> None:
    with TestClient(app) as client:
        document = client.get("/schema/openapi.json").json()

    assert document["info"] == {**document["info"], "title": "Library API", "version": "1.0.0"}
    assert [tag["name"] for tag in document["tags"]] == ["books", "search"]
    assert set(document["paths"]) == {"/books", "/books/{book_id}", "/books/search", "/search"}


# --8<-- [start:custom-path]
def test_a_custom_path_moves_every_ui_and_the_document() -> None:
    config = OpenAPIConfig(
        title="Library API",
        version="1.0.0",
        path="/docs",
        render_plugins=[SwaggerRenderPlugin(), ScalarRenderPlugin()],
    )
    with TestClient(Litestar([list_books], openapi_config=config)) as client:
        root = client.get("/docs")
        swagger = client.get("/docs/swagger")
        scalar = client.get("/docs/scalar")
        document = client.get("/docs/openapi.json")
        yaml = client.get("/docs/openapi.yaml")  # YamlRenderPlugin is not listed
        old = client.get("/schema/openapi.json")

    assert root.text == swagger.text  # Swagger is first this time
    assert [scalar.status_code, document.status_code] == [200, 200]
    assert [yaml.status_code, old.status_code] == [404, 404]


# --8<-- [end:custom-path]


# --8<-- [start:pitfall]
def test_root_schema_site_is_deprecated() -> None:
    with pytest.warns(LitestarDeprecationWarning, match="'root_schema_site'.*Use 'render_plugins'"):
        OpenAPIConfig(title="Library API", version="1.0.0", root_schema_site="swagger")


def test_copying_a_config_with_dataclasses_replace_trips_two_such_warnings() -> None:
    # OpenAPIConfig fills in two deprecated fields itself, and replace() passes them back in.
    with pytest.warns(LitestarDeprecationWarning) as caught:
        dataclasses.replace(described, render_plugins=[ScalarRenderPlugin()])

    deprecated = sorted(str(warning.message).split("'")[1] for warning in caught)
    assert deprecated == ["enabled_endpoints", "root_schema_site"]


# --8<-- [end:pitfall]
