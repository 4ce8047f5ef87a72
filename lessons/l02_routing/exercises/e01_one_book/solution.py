"""Fetch one book: a typed path parameter, and a 404 for a book that is not there."""

from dataclasses import dataclass

from litestar import Litestar, get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath


@dataclass
class Book:
    id: int
    title: str
    author: str


BOOKS: dict[int, Book] = {
    1: Book(id=1, title="Dune", author="Frank Herbert"),
    2: Book(id=2, title="Emma", author="Jane Austen"),
}


@get("/books")
async def list_books() -> list[Book]:
    return list(BOOKS.values())


# `:int` makes the router parse the segment: /books/abc matches no route (404), and the
# handler receives an int, the type BOOKS is keyed by.
@get("/books/{book_id:int}")
async def get_book(book_id: FromPath[int]) -> Book:
    if book_id not in BOOKS:
        # Raised, it becomes a 404 with this detail; a KeyError would be a 500.
        raise NotFoundException(f"Book {book_id} not found")
    return BOOKS[book_id]


app = Litestar(route_handlers=[list_books, get_book])
