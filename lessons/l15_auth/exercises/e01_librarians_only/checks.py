"""Checks for lesson 15, exercise 1: librarians only."""

from lessons.kit import Checks, Client

checks = Checks()

BOOK = {"title": "The Name of the Rose"}


def as_reader(client: Client, username: str) -> dict[str, str]:
    """The Authorization header of a valid token for one of the exercise's readers."""
    token = client.app.state.jwt_auth.create_token(identifier=username)
    return {"Authorization": f"Bearer {token}"}


@checks.add(
    "POST /books without a token is 401",
    passes_on_start="the JWT middleware already refuses strangers; this check keeps it so",
)
def strangers_are_401(client: Client) -> None:
    client.post("/books", json=BOOK).expect(401)


@checks.add("a reader who is not a librarian gets 403 from POST /books, and nothing is added")
def readers_are_403(client: Client) -> None:
    max_ = as_reader(client, "max")
    client.post("/books", json=BOOK, headers=max_).expect(
        403,
        nudge="401 says 'who are you?', but max's token is valid: we know who he is. "
        "And a guard that returns False lets everyone through.",
    )
    client.get("/books", headers=as_reader(client, "lena")).expect(
        200, json=[], nudge="the refused request must not have added the book"
    )


@checks.add(
    "a librarian (lena) adds a book: 201, and it is listed",
    needs=readers_are_403,
)
def librarians_add_books(client: Client) -> None:
    lena = as_reader(client, "lena")
    client.post("/books", json=BOOK, headers=lena).expect(
        201, json=BOOK, nudge="the guard must let readers with the librarian role through"
    )
    client.get("/books", headers=lena).expect(200, json=[BOOK])


@checks.add(
    "any librarian may add books, not one named user: ada too",
    needs=readers_are_403,
)
def every_librarian_adds_books(client: Client) -> None:
    client.post("/books", json=BOOK, headers=as_reader(client, "ada")).expect(
        201, json=BOOK, nudge="check the reader's roles, not their name"
    )


@checks.add(
    "every signed-in reader may still list the books: GET /books as max is 200",
    needs=readers_are_403,
)
def readers_still_list_books(client: Client) -> None:
    client.get("/books", headers=as_reader(client, "max")).expect(
        200, json=[], nudge="guard only the route that adds books, not the whole app"
    )
