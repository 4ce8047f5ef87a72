"""Book rules: let the model refuse a bad book before the handler runs.

Your task (the whole contract is in task.md, or on the lesson page):
titles are 1 to 100 characters, copies at least 1 (default 1), and a field the model
does not declare is a 400 instead of being dropped.
"""

import msgspec
from litestar import Litestar, get, post
from litestar.params import JSONBody


class Book(msgspec.Struct, frozen=True):
    id: int
    title: str
    copies: int


# TODO: write the rules into this model: the title's length, the least number of
# copies, and no fields other than these two.
class NewBook(msgspec.Struct):
    title: str
    copies: int = 1


BOOKS: dict[int, Book] = {}


@post("/books")
async def add_book(data: JSONBody[NewBook]) -> Book:
    book = Book(id=len(BOOKS) + 1, title=data.title, copies=data.copies)
    BOOKS[book.id] = book
    return book


@get("/books")
async def list_books() -> list[Book]:
    return list(BOOKS.values())


app = Litestar(route_handlers=[add_book, list_books])
