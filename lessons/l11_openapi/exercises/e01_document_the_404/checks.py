"""Checks for lesson 11, exercise 1: document the 404."""

from typing import Any

from lessons.kit import CheckFailed, Checks, Client

checks = Checks()

OPERATION = "GET /products/{product_id}"


def document(client: Client) -> dict[str, Any]:
    body: dict[str, Any] = client.get("/schema/openapi.json").expect(200).json()
    return body


def operation(client: Client) -> dict[str, Any]:
    found: dict[str, Any] = document(client)["paths"]["/products/{product_id}"]["get"]
    return found


def not_found(client: Client) -> dict[str, Any]:
    responses: dict[str, Any] = operation(client)["responses"]
    if "404" not in responses:
        raise CheckFailed(
            request=f"GET /schema/openapi.json, {OPERATION}",
            expected="responses with a 404",
            received=f"responses {sorted(responses)}",
            nudge="the document cannot see a raise inside the function",
        )
    return dict(responses["404"])


@checks.add(
    "the route answers 200 for a product and 404 for a missing one",
    passes_on_start="the route works already; this check makes sure it still does",
)
def route_still_answers(client: Client) -> None:
    client.get("/products/1").expect(200, json={"id": 1, "name": "Teapot", "price_cents": 2500})
    client.get("/products/99").expect(404)


@checks.add("the operation's id is getProduct")
def has_a_stable_operation_id(client: Client) -> None:
    found = operation(client).get("operationId")
    if found != "getProduct":
        raise CheckFailed(
            request=f"GET /schema/openapi.json, {OPERATION}",
            expected='"operationId": "getProduct"',
            received=f'"operationId": "{found}"',
            nudge="the default comes from the path and the function name",
        )


@checks.add("the 404 is documented with ErrorBody and its description")
def documents_the_404(client: Client) -> None:
    response = not_found(client)
    wanted = {
        "description": "No product has this number",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}},
    }
    subset = {
        "description": response.get("description"),
        "content": {
            "application/json": {
                "schema": response.get("content", {}).get("application/json", {}).get("schema")
            }
        },
    }
    if subset != wanted:
        raise CheckFailed(
            request=f"GET /schema/openapi.json, {OPERATION}, responses.404",
            expected=f"{wanted}",
            received=f"{subset}",
            nudge="raises= documents Litestar's own error shape; your model needs responses=",
        )


@checks.add("the 404 has one real example and ErrorBody no made-up ones", needs=documents_the_404)
def has_a_real_example(client: Client) -> None:
    content = not_found(client)["content"]["application/json"]
    examples = list(content.get("examples", {}).values())
    values = [example.get("value") for example in examples]
    if values != [{"status_code": 404, "detail": "No product with id 99"}]:
        raise CheckFailed(
            request=f"GET /schema/openapi.json, {OPERATION}, responses.404",
            expected='one example, {"status_code": 404, "detail": "No product with id 99"}',
            received=f"examples {values}",
        )
    error_body = document(client)["components"]["schemas"]["ErrorBody"]
    if "examples" in error_body:
        raise CheckFailed(
            request="GET /schema/openapi.json, components.schemas.ErrorBody",
            expected="no examples: nobody wrote any",
            received=f"examples {error_body['examples']}",
            nudge="ResponseSpec makes examples up unless it is told not to",
        )
