"""Partial changes: PATCH a book, telling a field left out apart from a null.

Your task (the whole contract is in task.md, or on the lesson page):
a field left out keeps its value, {} changes nothing, and null is a 400 for every field.
"""

from typing import Annotated

import msgspec
from litestar import Litestar, get, patch
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, JSONBody

Title = Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
Copies = Annotated[int, msgspec.Meta(ge=1)]


class Book(msgspec.Struct, frozen=True):
    id: int
    title: str
    copies: int


# TODO: None here means both "left out" and "sent as null". Give the fields a default
# that only means "left out", so that null is refused, and apply only what was sent.
class BookChanges(msgspec.Struct, forbid_unknown_fields=True):
    title: Title | None = None
    copies: Copies | None = None


BOOKS: dict[int, Book] = {1: Book(id=1, title="Dune", copies=2)}


def find(book_id: int) -> Book:
    if book_id not in BOOKS:
        raise NotFoundException(f"Book {book_id} not found")
    return BOOKS[book_id]


@get("/books/{book_id:int}")
async def get_book(book_id: FromPath[int]) -> Book:
    return find(book_id)


@patch("/books/{book_id:int}")
async def change_book(book_id: FromPath[int], data: JSONBody[BookChanges]) -> Book:
    sent = {
        name: value for name, value in msgspec.structs.asdict(data).items() if value is not None
    }
    BOOKS[book_id] = msgspec.structs.replace(find(book_id), **sent)
    return BOOKS[book_id]


app = Litestar(route_handlers=[get_book, change_book])
