"""Checks for lesson 20, exercise 1: books as Structs. No check times anything."""

import msgspec

from lessons.kit import CheckFailed, Checks, Client

checks = Checks()


def book(number: int) -> dict[str, object]:
    """Book ``number`` as the pydantic version of the app writes it."""
    return {
        "isbn": f"978-0-00-00{number:04d}-0",
        "title": f"Volume {number}",
        "price_cents": 1000 + number,
        "published": f"{2000 + number % 25}-{1 + number % 12:02d}-01",
        "subtitle": "A sequel" if number % 2 else None,
    }


@checks.add("Book is a msgspec Struct")
def book_is_a_struct(client: Client) -> None:
    kind = getattr(client.module, "Book", None)
    if not (isinstance(kind, type) and issubclass(kind, msgspec.Struct)):
        raise CheckFailed(
            request="Book in your file",
            expected="a subclass of msgspec.Struct",
            received=repr(kind),
            nudge="the class statement is where that is decided",
        )


@checks.add(
    "GET /books?limit=3 writes the same JSON as the pydantic version",
    passes_on_start="the start is the pydantic version; this check keeps its JSON",
)
def same_json(client: Client) -> None:
    client.get("/books", params={"limit": 3}).expect(
        200,
        json=[book(1), book(2), book(3)],
        nudge="every field, with the same names, types and defaults; null stays null",
    )


@checks.add(
    "GET /books (no limit) still answers the first 20 books",
    passes_on_start="the start already defaults to 20; this check keeps it so",
)
def default_limit(client: Client) -> None:
    client.get("/books").expect(200, json=[book(number) for number in range(1, 21)])


@checks.add(
    "a limit of 0 or 501 is still a 400",
    passes_on_start="the start already bounds the limit; this check keeps it so",
)
def limit_is_bounded(client: Client) -> None:
    for limit in (0, 501):
        client.get("/books", params={"limit": limit}).expect(
            400, nudge="keep the limit's bounds: they are what stops a request for everything"
        )
