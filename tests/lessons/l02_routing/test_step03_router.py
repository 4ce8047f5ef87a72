"""Step 03: the router puts every product handler under /api/v1."""

from litestar import Litestar, Router
from litestar.testing import TestClient

from lessons.l02_routing.step01_verbs import get_product, list_products
from lessons.l02_routing.step03_router import app
from tests.transcripts import MakeTranscript


def test_handlers_live_under_the_prefix(transcript: MakeTranscript) -> None:
    record = transcript("l02_routing/router")
    with TestClient(app) as client:
        prefixed = record(client.get("/api/v1/products/1"))
        unprefixed = record(client.get("/products/1"))
        created = client.post("/api/v1/products", json={"id": 3, "name": "Gizmo", "price": 5})
        deleted = client.delete("/api/v1/products/3")

    assert prefixed.json() == {"id": 1, "name": "Widget", "price": 9.99}
    assert unprefixed.status_code == 404
    assert (created.status_code, deleted.status_code) == (201, 204)


def test_openapi_lists_the_prefixed_paths() -> None:
    with TestClient(app) as client:
        paths = client.get("/schema/openapi.json").json()["paths"]

    assert set(paths) == {"/api/v1/products", "/api/v1/products/{product_id}"}


def test_routers_nest_so_api_versions_can_live_side_by_side() -> None:
    # The page says routers can hold routers: /api/v1 and /api/v2 under one /api.
    api = Router(
        path="/api",
        route_handlers=[
            Router(path="/v1", route_handlers=[list_products]),
            Router(path="/v2", route_handlers=[get_product]),
        ],
    )
    with TestClient(Litestar([api])) as client:
        v1 = client.get("/api/v1/products")
        v2 = client.get("/api/v2/products/1")
        wrong = client.get("/api/v1/products/1")

    assert [product["id"] for product in v1.json()] == [1, 2]
    assert v2.json()["name"] == "Widget"
    assert wrong.status_code == 404
