"""Search the library: a required, an optional and a defaulted query parameter."""

from dataclasses import dataclass

from litestar import Litestar, get
from litestar.params import FromQuery


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
async def search(
    author: FromQuery[str],  # no default: a request without it is a 400
    available: FromQuery[bool | None] = None,  # None: the client did not ask, do not filter
    limit: FromQuery[int] = 3,  # used when the client leaves it out
) -> list[Book]:
    found = [book for book in LIBRARY if book.author == author]
    if available is not None:  # `if available:` would ignore available=false
        found = [book for book in found if book.available == available]
    return found[:limit]


app = Litestar(route_handlers=[search])
