"""Checks for lesson 13, exercise 1: products that stay."""

from lessons.kit import Checks, Client

checks = Checks()

TEAPOT = {"name": "Teapot", "sku": "TEA-1", "price_cents": 2500}
STORED = {"id": 1, **TEAPOT}


@checks.add(
    "POST /products answers 201 with the new product",
    passes_on_start="the insert is flushed already, so the id is there; keeping it is the task",
)
def adds_a_product(client: Client) -> None:
    client.post("/products", json=TEAPOT).expect(201, json=STORED)


@checks.add("the product is there in the next request", needs=adds_a_product)
def product_is_kept(client: Client) -> None:
    client.post("/products", json=TEAPOT).expect(201)
    client.get("/products/1").expect(
        200,
        json=STORED,
        nudge="a 404 here means the 201 was never committed: what happens to the session?",
    )
    client.get("/products").expect(200, json=[STORED])


@checks.add("a duplicate SKU is a 409 and keeps nothing", needs=product_is_kept)
def duplicate_is_refused(client: Client) -> None:
    client.post("/products", json=TEAPOT).expect(201)
    client.post("/products", json={**TEAPOT, "name": "Another teapot"}).expect(
        409, nudge="the repository raises an error the plugin answers for you; let it through"
    )
    client.get("/products").expect(
        200, json=[STORED], nudge="a refused write must be rolled back, not committed"
    )


@checks.add(
    "GET /products/99 is a 404",
    passes_on_start="the repository answers a missing row already; this check keeps it so",
)
def missing_is_404(client: Client) -> None:
    client.get("/products/99").expect(404)
