"""Step 01: each verb's default status code, 404 for a missing product, 409 for a duplicate."""

import pytest
from litestar import Litestar, get
from litestar.exceptions import LitestarDeprecationWarning
from litestar.params import FromPath
from litestar.testing import TestClient

from lessons.l02_routing.step01_verbs import PRODUCTS, Product, app
from tests.transcripts import MakeTranscript


def test_each_verb_answers_with_its_default_status(transcript: MakeTranscript) -> None:
    record = transcript("l02_routing/verbs")
    new = {"id": 3, "name": "Gizmo", "price": 5.0}
    with TestClient(app) as client:
        listed = record(client.get("/products"))
        created = record(client.post("/products", json=new))
        replaced = record(client.put("/products/3", json={**new, "name": "Gizmo II"}))
        patched = record(client.patch("/products/3", json={"price": 4.5}))
        deleted = record(client.delete("/products/3"))
        gone = record(client.get("/products/3"))

    assert [listed.status_code, created.status_code, replaced.status_code] == [200, 201, 200]
    assert [patched.status_code, deleted.status_code, gone.status_code] == [200, 204, 404]
    assert created.json() == new
    assert patched.json() == {"id": 3, "name": "Gizmo II", "price": 4.5}
    assert deleted.content == b""
    assert gone.json() == {"status_code": 404, "detail": "Product 3 not found"}


def test_put_takes_the_id_from_the_path_not_the_body() -> None:
    with TestClient(app) as client:
        response = client.put("/products/1", json={"id": 99, "name": "Widget", "price": 1.0})
        listed = client.get("/products").json()

    assert response.json() == {"id": 1, "name": "Widget", "price": 1.0}
    assert [product["id"] for product in listed] == [1, 2]


def test_creating_an_existing_id_is_a_conflict_and_keeps_the_original() -> None:
    with TestClient(app) as client:
        response = client.post("/products", json={"id": 1, "name": "Impostor", "price": 0})
        kept = client.get("/products/1")

    assert response.status_code == 409
    assert response.json() == {"status_code": 409, "detail": "Product 1 already exists"}
    assert kept.json()["name"] == "Widget"


def test_missing_products_are_404_for_every_verb() -> None:
    with TestClient(app) as client:
        responses = [
            client.get("/products/404"),
            client.put("/products/404", json={"id": 404, "name": "x", "price": 1}),
            client.patch("/products/404", json={"price": 1}),
            client.delete("/products/404"),
        ]

    assert {response.status_code for response in responses} == {404}


def test_a_body_of_the_wrong_shape_is_400_and_names_the_field(transcript: MakeTranscript) -> None:
    record = transcript("l02_routing/bad-body")
    with TestClient(app) as client:
        wrong_type = record(
            client.post("/products", json={"id": 3, "name": "Gizmo", "price": "cheap"})
        )
        missing = client.post("/products", json={"id": 3, "name": "Gizmo"})
        listed = client.get("/products").json()

    assert wrong_type.status_code == 400
    assert wrong_type.json()["extra"] == [
        {"message": "Expected `float`, got `str`", "key": "price", "source": "body"}
    ]
    assert missing.status_code == 400
    assert missing.json()["extra"][0]["message"] == "Object missing required field `price`"
    assert len(listed) == 2  # nothing was stored


# --8<-- [start:pitfall]
def test_a_path_value_that_is_not_an_int_is_404_not_400(transcript: MakeTranscript) -> None:
    record = transcript("l02_routing/not-an-int")
    with TestClient(app) as client:
        response = record(client.get("/products/abc"))

    # The router cannot parse "abc" as an int, so no route matches: 404, not 400.
    # The handler never runs.
    assert response.status_code == 404
    assert response.json() == {"status_code": 404, "detail": "Not Found"}


# --8<-- [end:pitfall]


def test_a_key_error_escaping_a_handler_is_a_500_that_says_nothing() -> None:
    @get("/products/{product_id:int}")
    async def unguarded(product_id: FromPath[int]) -> Product:
        return PRODUCTS[product_id]  # no find_product(): a KeyError escapes

    with TestClient(Litestar([unguarded], logging_config=None)) as client:
        response = client.get("/products/404")

    assert response.status_code == 500
    assert response.json() == {"status_code": 500, "detail": "Internal Server Error"}


def test_leaving_the_source_of_a_path_parameter_to_inference_warns() -> None:
    @get("/products/{product_id:int}")
    async def inferred(product_id: int) -> int:  # no FromPath
        return product_id

    with pytest.warns(LitestarDeprecationWarning, match="deprecated inferred style"):
        Litestar([inferred])
