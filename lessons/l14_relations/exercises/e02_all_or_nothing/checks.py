"""Checks for lesson 14, exercise 2: all or nothing."""

from lessons.kit import Checks, Client

checks = Checks()


def add_kettles(client: Client) -> None:
    client.post("/products", json={"name": "Kettle", "stock": 3}).expect(
        201, json={"id": 1, "name": "Kettle", "stock": 3}
    )


@checks.add(
    "an order within the stock is stored, and takes its quantity from the stock",
    passes_on_start="orders that can be filled work already; this check makes sure they still do",
)
def fills_orders(client: Client) -> None:
    add_kettles(client)
    client.post("/orders", json={"product_id": 1, "quantity": 2}).expect(
        201, json={"id": 1, "product_id": 1, "quantity": 2}
    )
    client.get("/products/1").expect(200, json={"id": 1, "name": "Kettle", "stock": 1})
    client.get("/orders").expect(200, json=[{"id": 1, "product_id": 1, "quantity": 2}])


@checks.add(
    "an order for more than the stock is a 409",
    passes_on_start="the database refuses the stock update already; what is kept is the task",
)
def refuses_too_many(client: Client) -> None:
    add_kettles(client)
    client.post("/orders", json={"product_id": 1, "quantity": 5}).expect(
        409, nudge="the stock cannot go below 0: the database refuses it"
    )


@checks.add(
    "a refused order leaves no order behind, and the stock as it was", needs=refuses_too_many
)
def keeps_nothing(client: Client) -> None:
    add_kettles(client)
    client.post("/orders", json={"product_id": 1, "quantity": 5}).expect(409)
    client.get("/orders").expect(
        200,
        json=[],
        nudge="the order was committed before the stock update failed: who commits, and when?",
    )
    client.get("/products/1").expect(200, json={"id": 1, "name": "Kettle", "stock": 3})
    # And the next order still works: nothing is left half done.
    client.post("/orders", json={"product_id": 1, "quantity": 3}).expect(
        201, json={"id": 1, "product_id": 1, "quantity": 3}
    )


@checks.add("an order for a product that does not exist is a 404, and stores nothing")
def unknown_product(client: Client) -> None:
    client.post("/orders", json={"product_id": 9, "quantity": 1}).expect(404)
    client.get("/orders").expect(200, json=[])
