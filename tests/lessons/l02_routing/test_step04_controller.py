"""Step 04: the controller's methods answer under router + controller + handler paths."""

from litestar.testing import TestClient

from lessons.l02_routing.step04_controller import app
from tests.transcripts import MakeTranscript


def test_controller_crud_under_the_prefix(transcript: MakeTranscript) -> None:
    record = transcript("l02_routing/controller")
    with TestClient(app) as client:
        listed = record(client.get("/api/v1/products"))
        created = record(
            client.post("/api/v1/products", json={"id": 3, "name": "Gizmo", "price": 5.0})
        )
        fetched = record(client.get("/api/v1/products/3"))
        deleted = record(client.delete("/api/v1/products/3"))
        missing = record(client.get("/api/v1/products/3"))

    assert [product["id"] for product in listed.json()] == [1, 2]
    assert created.status_code == 201
    assert fetched.json() == {"id": 3, "name": "Gizmo", "price": 5.0}
    assert deleted.status_code == 204
    assert missing.status_code == 404


def test_controller_tags_reach_every_operation() -> None:
    with TestClient(app) as client:
        paths = client.get("/schema/openapi.json").json()["paths"]

    operations = [operation for path in paths.values() for operation in path.values()]
    assert len(operations) == 4
    assert all(operation["tags"] == ["products"] for operation in operations)
