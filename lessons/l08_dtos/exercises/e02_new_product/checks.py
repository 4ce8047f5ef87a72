"""Checks for lesson 08, exercise 2: a write DTO and DTOData."""

from lessons.kit import Checks, Client

checks = Checks()

MUG = {"name": "Mug", "price": 8.5, "cost_price": 2.0, "supplier_email": "mugs@kiln.example"}
PRIVATE = ("cost_price", "supplier_email")


@checks.add("POST /products answers 201 with the new product's public fields")
def creates(client: Client) -> None:
    client.post("/products", json=MUG).expect(
        201,
        json={"id": 3, "name": "Mug", "price": 8.5},
        lacks=PRIVATE,
        nudge="a 400 for a missing id means the body is a Product: it needs DTOData; "
        "a 405 means there is no POST handler yet",
    )


@checks.add("the new product is listed afterwards, without its cost price", needs=creates)
def is_stored(client: Client) -> None:
    client.post("/products", json=MUG)
    client.get("/products/3").expect(200, json={"id": 3, "name": "Mug", "price": 8.5})


@checks.add("an id sent by the client is ignored, and product 1 is untouched", needs=creates)
def client_id_ignored(client: Client) -> None:
    client.post("/products", json={**MUG, "id": 1}).expect(201, json_has={"id": 3})
    client.get("/products/1").expect(
        200,
        json={"id": 1, "name": "Teapot", "price": 24.0},
        nudge="the server owns the id: leave it out of the write DTO",
    )


@checks.add("a missing or mistyped field is a 400, and nothing is stored", needs=creates)
def bad_bodies(client: Client) -> None:
    client.post("/products", json={"name": "Mug", "price": 8.5}).expect(400)
    client.post("/products", json={**MUG, "price": "cheap"}).expect(400)
    client.get("/products").expect(
        200,
        json=[{"id": 1, "name": "Teapot", "price": 24.0}, {"id": 2, "name": "Honey", "price": 7.0}],
    )


@checks.add(
    "GET /products/99 is still a 404",
    passes_on_start="the 404 is already there; this check makes sure it stays",
)
def missing_is_404(client: Client) -> None:
    client.get("/products/99").expect(404)
