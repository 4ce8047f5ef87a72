"""Version the library's API: a controller under /api/v1, and a way to remove a book."""

from dataclasses import dataclass

from litestar import Controller, Litestar, Router, delete, get, post
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


class BookController(Controller):
    path = "/books"  # the router's prefix comes in front: /api/v1/books
    tags = ("books",)  # one setting for every handler of the controller

    @get()
    async def list_books(self) -> list[Book]:
        return list(BOOKS.values())

    @get("/{book_id:int}")
    async def get_book(self, book_id: FromPath[int]) -> Book:
        return find_book(book_id)

    @post()
    async def add_book(self, data: JSONBody[Book]) -> Book:
        BOOKS[data.id] = data
        return data

    # @delete answers 204 No Content by itself; the handler returns None: no body.
    @delete("/{book_id:int}")
    async def remove_book(self, book_id: FromPath[int]) -> None:
        find_book(book_id)  # 404 for a book that is not there
        del BOOKS[book_id]


# Only the router is registered: the old top-level paths are gone.
app = Litestar(route_handlers=[Router(path="/api/v1", route_handlers=[BookController])])
