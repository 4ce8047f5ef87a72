"""Checks for lesson 13, exercise 3: remove products."""

from lessons.kit import Checks, Client

checks = Checks()

TOO_BIG = 2**63  # one past SQLite's largest INTEGER


def add_two(client: Client) -> None:
    for number in (1, 2):
        client.post(
            "/products", json={"name": f"Pot {number}", "sku": f"POT-{number}", "price_cents": 1}
        ).expect(201)


@checks.add("DELETE /products/1 answers 204 with no body")
def deletes(client: Client) -> None:
    add_two(client)
    # Litestar sends a 204 without a body (a handler that returns one is its own 500).
    client.delete("/products/1").expect(
        204, nudge="a 405 means no DELETE route; DELETE answers 204 by default"
    )


@checks.add("the product is gone, the other one stays", needs=deletes)
def is_gone(client: Client) -> None:
    add_two(client)
    client.delete("/products/1").expect(204)
    client.get("/products/1").expect(404, nudge="was the delete committed?")
    client.get("/products/2").expect(200, json_has={"id": 2})
    client.get("/products").expect(
        200, json=[{"id": 2, "name": "Pot 2", "sku": "POT-2", "price_cents": 1}]
    )
    client.delete("/products/1").expect(404, nudge="deleting a missing product is a 404")


@checks.add("an id SQLite cannot store is a 400, not a 500", needs=deletes)
def bounds_the_id(client: Client) -> None:
    client.delete(f"/products/{TOO_BIG}").expect(
        400, nudge="bound the path parameter to what the column can hold"
    )
    client.get(f"/products/{TOO_BIG}").expect(400)
