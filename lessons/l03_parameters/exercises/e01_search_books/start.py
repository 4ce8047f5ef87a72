"""Search the library: a required, an optional and a defaulted query parameter.

Your task (the whole contract is in task.md, or on the lesson page):
GET /books/search?author=... lists that author's books; `available=true|false`
filters by availability when given; `limit` caps the list, 3 unless the client says.
"""

from dataclasses import dataclass

from litestar import Litestar, get


@dataclass(frozen=True)
class Book:
    title: str
    author: str
    available: bool


LIBRARY = (
    Book("Emma", "Jane Austen", available=True),
    Book("Persuasion", "Jane Austen", available=False),
    Book("Sanditon", "Jane Austen", available=True),
    Book("Mansfield Park", "Jane Austen", available=True),
    Book("Dune", "Frank Herbert", available=True),
)


@get("/books/search")
async def search() -> list[Book]:
    # TODO: take `author` (required), `available` (optional) and `limit` (default 3)
    # from the query string, and use them to filter the library.
    return list(LIBRARY)


app = Litestar(route_handlers=[search])
