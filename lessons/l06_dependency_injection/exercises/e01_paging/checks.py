"""Checks for lesson 06, exercise 1: a paging provider."""

from lessons.kit import CheckFailed, Checks, Client

checks = Checks()


def ids(books: object) -> list[object]:
    return [book.get("id") for book in books] if isinstance(books, list) else [books]


@checks.add("GET /books answers 200 with the first 5 books")
def default_page(client: Client) -> None:
    reply = client.get("/books").expect(200, nudge="does provide_page still raise?")
    if ids(reply.json()) != [1, 2, 3, 4, 5]:
        raise reply.failure("books 1 to 5: limit defaults to 5, offset to 0")


@checks.add("GET /books?limit=3&offset=4 answers books 5, 6 and 7", needs=default_page)
def reads_the_query(client: Client) -> None:
    reply = client.get("/books", params={"limit": 3, "offset": 4}).expect(200)
    if ids(reply.json()) != [5, 6, 7]:
        raise reply.failure(
            "books 5, 6 and 7", nudge="the provider must take both limit and offset"
        )


@checks.add("the other handler pages the same way, through the same provider", needs=default_page)
def shared_by_both_handlers(client: Client) -> None:
    reply = client.get("/authors/1/books", params={"limit": 2, "offset": 1}).expect(200)
    if ids(reply.json()) != [4, 6]:
        raise reply.failure("books 4 and 6 (author 1's second and third)")


@checks.add("limit and offset out of bounds are a 400, never a 200 or 500", needs=default_page)
def refuses_out_of_bounds(client: Client) -> None:
    for params in ({"limit": 0}, {"limit": 21}, {"offset": -1}, {"limit": "many"}):
        client.get("/books", params=params).expect(
            400, nudge="give each query parameter its bounds (ge=, le=) where it is declared"
        )


@checks.add("the schema documents limit and offset on GET /books", needs=default_page)
def documented(client: Client) -> None:
    reply = client.get("/schema/openapi.json").expect(200)
    operation = reply.json()["paths"]["/books"]["get"]
    names = sorted(parameter["name"] for parameter in operation.get("parameters", []))
    if names != ["limit", "offset"]:
        raise CheckFailed(
            request="GET /schema/openapi.json",
            expected='parameters "limit" and "offset" on GET /books',
            received=f"parameters {names}",
            nudge="parameters a provider declares are documented on every handler that uses it",
        )
