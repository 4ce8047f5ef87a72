"""Version the library's API: a controller under /api/v1, and a way to remove a book.

Your task (the whole contract is in task.md, or on the lesson page):
move the book endpoints into a controller served under /api/v1, tag them "books",
and add DELETE /api/v1/books/{book_id}: 204 when the book was removed, 404 if it is unknown.
"""

from dataclasses import dataclass

from litestar import Litestar, get, post
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, JSONBody


@dataclass
class Book:
    id: int
    title: str
    author: str


BOOKS: dict[int, Book] = {
    1: Book(id=1, title="Dune", author="Frank Herbert"),
    2: Book(id=2, title="Emma", author="Jane Austen"),
}


def find_book(book_id: int) -> Book:
    if book_id not in BOOKS:
        raise NotFoundException(f"Book {book_id} not found")
    return BOOKS[book_id]


# TODO: turn these three handlers into the methods of a controller, add the delete
# handler, and serve the controller under /api/v1 instead of at the top level.
@get("/books")
async def list_books() -> list[Book]:
    return list(BOOKS.values())


@get("/books/{book_id:int}")
async def get_book(book_id: FromPath[int]) -> Book:
    return find_book(book_id)


@post("/books")
async def add_book(data: JSONBody[Book]) -> Book:
    BOOKS[data.id] = data
    return data


app = Litestar(route_handlers=[list_books, get_book, add_book])
