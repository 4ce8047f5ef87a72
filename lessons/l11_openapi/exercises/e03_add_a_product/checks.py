"""Checks for lesson 11, exercise 3: add a product."""

from typing import Any

from lessons.kit import CheckFailed, Checks, Client, OfType

checks = Checks()

TEAPOT = {"name": "Teapot", "sku": "TEA-1"}
WHERE = "GET /schema/openapi.json, POST /products"


def operation(client: Client) -> dict[str, Any]:
    paths = client.get("/schema/openapi.json").expect(200).json()["paths"]
    found: dict[str, Any] = paths.get("/products", {}).get("post", {})
    return found


@checks.add("POST /products answers 201 with the new product")
def creates(client: Client) -> None:
    client.post("/products", json=TEAPOT).expect(
        201, json={"id": 1, **TEAPOT}, nudge="is the handler in route_handlers?"
    )


@checks.add("a taken SKU is a 409 and stores nothing", needs=creates)
def refuses_duplicates(client: Client) -> None:
    client.post("/products", json=TEAPOT).expect(201)
    client.post("/products", json={"name": "Another teapot", "sku": "TEA-1"}).expect(
        409,
        json={"status_code": 409, "detail": OfType(str)},
        nudge="raise DuplicateSkuError; Litestar writes its body",
    )
    client.post("/products", json={"name": "Cup", "sku": "CUP-1"}).expect(
        201, json={"id": 2, "name": "Cup", "sku": "CUP-1"}, nudge="the refused one stored nothing"
    )


@checks.add("the operation is createProduct and documents 201, 400 and 409", needs=creates)
def documents_the_operation(client: Client) -> None:
    found = operation(client)
    received = {
        "operationId": found.get("operationId"),
        "responses": sorted(found.get("responses", {})),
    }
    wanted = {"operationId": "createProduct", "responses": ["201", "400", "409"]}
    if received != wanted:
        raise CheckFailed(
            request=WHERE,
            expected=f"{wanted}",
            received=f"{received}",
            nudge="the document sees decorator arguments, never a raise inside the function",
        )


@checks.add("the request body is described, with one example", needs=creates)
def documents_the_body(client: Client) -> None:
    body = operation(client).get("requestBody", {})
    schema = body.get("content", {}).get("application/json", {}).get("schema", {})
    received = {"description": schema.get("description"), "examples": schema.get("examples")}
    wanted = {"description": "The product to add", "examples": [TEAPOT]}
    if received != wanted:
        raise CheckFailed(
            request=f"{WHERE}, requestBody",
            expected=f"{wanted}",
            received=f"{received}",
            nudge="a marker inside Annotated declares the body and documents it",
        )
