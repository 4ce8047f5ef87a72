"""Fetch one book: a typed path parameter, and a 404 for a book that is not there.

Your task (the whole contract is in task.md, or on the lesson page):
GET /books/{book_id} answers 200 with that book, 404 for an id the library does not
have, and 404 for an id that is not a number.
"""

from dataclasses import dataclass

from litestar import Litestar, get


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


# TODO: write the handler for GET /books/{book_id}: the id is an int read from the
# path; a book the library does not have is a 404 with a message, never a 500.


app = Litestar(route_handlers=[list_books])
