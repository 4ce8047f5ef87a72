"""Checks for lesson 08, exercise 1: a return DTO on every handler."""

from lessons.kit import Checks, Client

checks = Checks()

TEAPOT = {"id": 1, "name": "Teapot", "price": 24.0}
HONEY = {"id": 2, "name": "Honey", "price": 7.0}
PRIVATE = ("cost_price", "supplier_email")


@checks.add("GET /products lists id, name and price only")
def list_is_public(client: Client) -> None:
    client.get("/products").expect(
        200,
        json=[TEAPOT, HONEY],
        lacks=PRIVATE,
        nudge="a return DTO decides which fields go out; is it set on this handler?",
    )


@checks.add("GET /products/2 shows id, name and price only")
def page_is_public(client: Client) -> None:
    client.get("/products/2").expect(
        200, json=HONEY, lacks=PRIVATE, nudge="a DTO covers only the handlers it is set on"
    )


@checks.add(
    "GET /products/99 is still a 404",
    passes_on_start="the 404 is already there; this check makes sure it stays",
)
def missing_is_404(client: Client) -> None:
    client.get("/products/99").expect(404)


@checks.add("no schema in the OpenAPI document has a cost_price or supplier_email property")
def schema_is_public(client: Client) -> None:
    reply = client.get("/schema/openapi.json").expect(200)
    schemas = reply.json().get("components", {}).get("schemas", {})
    properties = {name for schema in schemas.values() for name in schema.get("properties", {})}
    for word in PRIVATE:
        if word in properties:
            raise reply.failure(
                f"no schema with a {word} property",
                nudge="the schema of a handler without a return DTO shows the whole model",
            )
