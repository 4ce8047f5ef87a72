"""Checks for lesson 13, exercise 2: product pages."""

from lessons.kit import Checks, Client

checks = Checks()


def product(number: int) -> dict[str, object]:
    return {"name": f"Mug {number}", "sku": f"MUG-{number}", "price_cents": 900 + number}


def stored(number: int) -> dict[str, object]:
    return {"id": number, **product(number)}


def add_five(client: Client) -> None:
    for number in range(1, 6):
        client.post("/products", json=product(number)).expect(201)


@checks.add(
    "POST /products still adds products, and GET /products/3 reads one",
    passes_on_start="adding works already; this check makes sure it still does",
)
def adds_products(client: Client) -> None:
    add_five(client)
    client.get("/products/3").expect(200, json=stored(3))


@checks.add("GET /products answers the first page and the total", needs=adds_products)
def first_page(client: Client) -> None:
    add_five(client)
    client.get("/products").expect(
        200,
        json={"items": [stored(n) for n in range(1, 6)], "limit": 10, "offset": 0, "total": 5},
        nudge="a page is an object with items, limit, offset and total; the default limit is 10",
    )


@checks.add("limit and offset choose the page", needs=first_page)
def chosen_page(client: Client) -> None:
    add_five(client)
    client.get("/products", params={"limit": 2, "offset": 2}).expect(
        200,
        json={"items": [stored(3), stored(4)], "limit": 2, "offset": 2, "total": 5},
        nudge="total counts every product, not only this page's",
    )


@checks.add("past the last page the total is still 5", needs=chosen_page)
def past_the_end(client: Client) -> None:
    add_five(client)
    client.get("/products", params={"limit": 2, "offset": 10}).expect(
        200,
        json={"items": [], "limit": 2, "offset": 10, "total": 5},
        nudge="a total counted over the page's own rows has nothing to count past the end",
    )


@checks.add("a limit outside 1 to 50 or a negative offset is a 400", needs=first_page)
def bounds(client: Client) -> None:
    for params in ({"limit": 0}, {"limit": 51}, {"offset": -1}):
        client.get("/products", params=params).expect(
            400, nudge="bound the query parameters, so nobody can ask for the whole table"
        )
