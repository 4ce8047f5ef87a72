"""Checks for lesson 03, exercise 1: search the library."""

from lessons.kit import Checks, Client

checks = Checks()

AUSTEN = {"author": "Jane Austen"}


def book(title: str, *, available: bool = True, author: str = "Jane Austen") -> dict[str, object]:
    return {"title": title, "author": author, "available": available}


EMMA, SANDITON, MANSFIELD = book("Emma"), book("Sanditon"), book("Mansfield Park")
PERSUASION = book("Persuasion", available=False)


@checks.add("GET /books/search?author=Jane Austen lists her first three books")
def by_author(client: Client) -> None:
    client.get("/books/search", params=AUSTEN).expect(
        200,
        json=[EMMA, PERSUASION, SANDITON],
        nudge="filter by the author the client asks for, and stop at the default limit",
    )


@checks.add("GET /books/search?author=Frank Herbert lists only Dune", needs=by_author)
def other_author(client: Client) -> None:
    client.get("/books/search", params={"author": "Frank Herbert"}).expect(
        200, json=[book("Dune", author="Frank Herbert")]
    )


@checks.add("limit=10 lists all four of her books", needs=by_author)
def limit_is_read(client: Client) -> None:
    client.get("/books/search", params={**AUSTEN, "limit": 10}).expect(
        200, json=[EMMA, PERSUASION, SANDITON, MANSFIELD], nudge="is `limit` read from the query?"
    )


@checks.add("available=true and available=false both filter", needs=by_author)
def available_filters(client: Client) -> None:
    client.get("/books/search", params={**AUSTEN, "available": "true"}).expect(
        200, json=[EMMA, SANDITON, MANSFIELD]
    )
    client.get("/books/search", params={**AUSTEN, "available": "false"}).expect(
        200,
        json=[PERSUASION],
        nudge="false is a value the client chose, not the same as leaving it out",
    )


@checks.add("GET /books/search without author answers 400")
def author_required(client: Client) -> None:
    client.get("/books/search").expect(
        400, nudge="a parameter with a default is optional; a required one has none"
    )


@checks.add("limit=lots answers 400", needs=by_author)
def limit_is_an_int(client: Client) -> None:
    client.get("/books/search", params={**AUSTEN, "limit": "lots"}).expect(
        400, nudge="the annotation decides the type Litestar checks"
    )
