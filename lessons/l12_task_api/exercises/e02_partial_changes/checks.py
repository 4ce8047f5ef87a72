"""Checks for lesson 12, exercise 2: partial changes."""

from lessons.kit import Checks, Client

checks = Checks()

DUNE = {"id": 1, "title": "Dune", "copies": 2}


def unchanged(client: Client, nudge: str) -> None:
    client.get("/books/1").expect(200, json=DUNE, nudge=nudge)


@checks.add(
    "PATCH with one field changes that field only",
    passes_on_start="changing a field works already; this check makes sure it still does",
)
def changes_one_field(client: Client) -> None:
    client.patch("/books/1", json={"copies": 5}).expect(
        200, json={**DUNE, "copies": 5}, nudge="a field left out keeps its value"
    )
    client.patch("/books/1", json={"title": "Dune Messiah"}).expect(
        200, json={"id": 1, "title": "Dune Messiah", "copies": 5}
    )


@checks.add(
    "PATCH {} changes nothing",
    needs=changes_one_field,
    passes_on_start="dropping the Nones gets {} right already; the fix must keep it right",
)
def empty_changes_nothing(client: Client) -> None:
    client.patch("/books/1", json={}).expect(200, json=DUNE, nudge="{} sends no field at all")
    unchanged(client, nudge="{} must leave the book as it was")


@checks.add("null is a 400 for every field, and changes nothing", needs=changes_one_field)
def null_is_refused(client: Client) -> None:
    for field in ("title", "copies"):
        client.patch("/books/1", json={field: None}).expect(
            400, nudge="null is a value the client sent, and not a valid one: not 'left out'"
        )
    unchanged(client, nudge="a refused change must leave the book as it was")


@checks.add(
    "a change follows the same rules as a new book",
    needs=changes_one_field,
    passes_on_start="the start keeps the rules; the fix must not lose them",
)
def rules_still_apply(client: Client) -> None:
    for body in ({"title": ""}, {"copies": 0}, {"copeis": 5}):
        client.patch("/books/1", json=body).expect(400, nudge="keep the rules on every field")
    unchanged(client, nudge="a refused change must leave the book as it was")


@checks.add(
    "PATCH of a missing book is a 404",
    passes_on_start="the lookup is written already; this check makes sure it stays",
)
def missing_book_is_404(client: Client) -> None:
    client.patch("/books/9", json={"copies": 5}).expect(404)
