"""Checks for lesson 03, exercise 2: page through the shop."""

from lessons.kit import Checks, Client

checks = Checks()


def products(first: int, last: int) -> list[dict[str, str]]:
    return [{"sku": f"P{n:02d}", "name": f"Product {n}"} for n in range(first, last + 1)]


@checks.add(
    "GET /products lists P01 to P05",
    passes_on_start="the default listing does not change; this check makes sure it stays",
)
def first_page(client: Client) -> None:
    client.get("/products").expect(200, json=products(1, 5))


@checks.add("GET /products?page=2 lists P06 to P10", needs=first_page)
def second_page(client: Client) -> None:
    client.get("/products", params={"page": 2}).expect(
        200, json=products(6, 10), nudge="page 1 is the first page: where does page 2 start?"
    )


@checks.add("GET /products?page=2&page-size=4 lists P05 to P08", needs=second_page)
def page_size(client: Client) -> None:
    client.get("/products", params={"page": 2, "page-size": 4}).expect(
        200,
        json=products(5, 8),
        nudge="the URL spells it page-size, with a dash; a Python name cannot",
    )


@checks.add("a page past the end is an empty list", needs=second_page)
def past_the_end(client: Client) -> None:
    client.get("/products", params={"page": 3, "page-size": 10}).expect(200, json=[])


@checks.add("page=0 and page=-1 answer 400")
def page_bounded(client: Client) -> None:
    for page in (0, -1):
        client.get("/products", params={"page": page}).expect(
            400, nudge="pages count from 1: refuse anything lower before the handler runs"
        )


@checks.add("page-size=0 and page-size=21 answer 400")
def page_size_bounded(client: Client) -> None:
    for size in (0, 21):
        client.get("/products", params={"page-size": size}).expect(
            400, nudge="a page holds 1 to 20 products"
        )
