"""Checks for lesson 02, exercise 1: fetch one book."""

from lessons.kit import ANY, Checks, Client

checks = Checks()

DUNE = {"id": 1, "title": "Dune", "author": "Frank Herbert"}
EMMA = {"id": 2, "title": "Emma", "author": "Jane Austen"}


@checks.add("GET /books/1 answers 200 with Dune")
def first_book(client: Client) -> None:
    client.get("/books/1").expect(
        200,
        json=DUNE,
        nudge="a 404 for a book that exists: is the route registered, and is the id an int "
        "when you look it up? BOOKS is keyed by int.",
    )


@checks.add("GET /books/2 answers 200 with Emma: the id in the path decides", needs=first_book)
def second_book(client: Client) -> None:
    client.get("/books/2").expect(200, json=EMMA, nudge="does the handler use the id it gets?")


@checks.add("GET /books/99 answers 404 with Litestar's error body", needs=first_book)
def missing_book(client: Client) -> None:
    client.get("/books/99").expect(
        404,
        json={"status_code": 404, "detail": ANY},
        nudge="a 500 means an exception that is not an HTTP exception escaped the handler",
    )


@checks.add("GET /books/abc answers 404: no route matches a non-number", needs=first_book)
def not_a_number(client: Client) -> None:
    client.get("/books/abc").expect(404, nudge="the path parameter needs a type the router parses")


@checks.add(
    "GET /books still lists both books",
    passes_on_start="the listing is already there; this check makes sure it stays",
)
def listing_still_works(client: Client) -> None:
    client.get("/books").expect(200, json=[DUNE, EMMA])
