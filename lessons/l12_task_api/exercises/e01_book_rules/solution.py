"""Book rules: let the model refuse a bad book before the handler runs."""

from typing import Annotated

import msgspec
from litestar import Litestar, get, post
from litestar.params import JSONBody


class Book(msgspec.Struct, frozen=True):
    id: int
    title: str
    copies: int


# The rules live in the type, so Litestar checks them while it decodes the body:
# a bad book is a 400 that names the field, and the handler never sees it.
class NewBook(msgspec.Struct, forbid_unknown_fields=True):  # "copeis" is a 400, not dropped
    title: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    copies: Annotated[int, msgspec.Meta(ge=1)] = 1


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
