"""Step 03: the book as an attrs class; validators run, the schema plugin is automatic."""

from litestar.plugins.attrs import AttrsSchemaPlugin
from litestar.testing import TestClient

from lessons.l04_request_bodies.step03_attrs import BOOKS, app
from tests.transcripts import MakeTranscript


def test_attrs_errors(transcript: MakeTranscript) -> None:
    record = transcript("l04_request_bodies/attrs-errors")
    with TestClient(app) as client:
        missing = record(client.post("/books", json={"title": "Dune"}))
        wrong_type = record(client.post("/books", json={"title": "Dune", "price": "cheap"}))
        too_small = record(client.post("/books", json={"title": "Dune", "price": 0}))

    assert missing.json()["extra"] == [
        {"message": "Object missing required field `price`", "key": "data", "source": "body"}
    ]
    # Types are checked by msgspec, from the annotations...
    assert wrong_type.json()["extra"] == [
        {"message": "Expected `float`, got `str`", "key": "price", "source": "body"}
    ]
    # ...constraints by the attrs validators, whose message names the field but whose
    # `key` is the whole body.
    assert too_small.json()["extra"] == [
        {"message": "'price' must be > 0: 0.0", "key": "data", "source": "body"}
    ]
    assert BOOKS == []


def test_the_attrs_schema_plugin_is_registered_without_asking() -> None:
    assert any(isinstance(plugin, AttrsSchemaPlugin) for plugin in app.plugins)


def test_attrs_validators_do_not_reach_the_openapi_schema() -> None:
    with TestClient(app) as client:
        book = client.get("/schema/openapi.json").json()["components"]["schemas"]["Book"]

    # The limits are enforced, but clients reading the schema cannot see them.
    assert book["properties"]["title"] == {"type": "string"}
    assert book["properties"]["price"] == {"type": "number"}
