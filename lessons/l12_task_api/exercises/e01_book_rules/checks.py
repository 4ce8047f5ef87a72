"""Checks for lesson 12, exercise 1: book rules."""

from lessons.kit import Checks, Client

checks = Checks()


def refused(client: Client, body: dict[str, object], nudge: str) -> None:
    client.post("/books", json=body).expect(400, nudge=nudge)
    client.get("/books").expect(
        200, json=[], nudge="a refused book must not be stored: is the rule in the model?"
    )


@checks.add(
    "a good book is created: 201 with its id, title and copies",
    passes_on_start="the catalogue works already; this check makes sure it still does",
)
def good_book_is_created(client: Client) -> None:
    client.post("/books", json={"title": "Dune"}).expect(
        201, json={"id": 1, "title": "Dune", "copies": 1}
    )
    client.post("/books", json={"title": "x" * 100, "copies": 3}).expect(
        201,
        json={"id": 2, "title": "x" * 100, "copies": 3},
        nudge="100 characters is the longest title allowed, not one too many",
    )


@checks.add("an empty title is a 400 and stores nothing", needs=good_book_is_created)
def empty_title_is_refused(client: Client) -> None:
    refused(client, {"title": ""}, nudge="a title has at least one character")


@checks.add("a title of 101 characters is a 400", needs=good_book_is_created)
def long_title_is_refused(client: Client) -> None:
    refused(client, {"title": "x" * 101}, nudge="a title has at most 100 characters")


@checks.add("zero copies is a 400", needs=good_book_is_created)
def zero_copies_is_refused(client: Client) -> None:
    refused(client, {"title": "Dune", "copies": 0}, nudge="a book has at least one copy")
    refused(client, {"title": "Dune", "copies": -2}, nudge="a book has at least one copy")


@checks.add("a misspelt field is a 400, not silently dropped", needs=good_book_is_created)
def unknown_field_is_refused(client: Client) -> None:
    refused(
        client,
        {"title": "Dune", "copeis": 3},
        nudge="by default a Struct ignores keys it does not declare",
    )
