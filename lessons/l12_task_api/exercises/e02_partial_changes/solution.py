"""Partial changes: PATCH a book, telling a field left out apart from a null."""

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


# UNSET means "not in the body"; a key that is there must be a valid value, and
# null is not a Title or a Copies, so {"title": null} is a 400.
class BookChanges(msgspec.Struct, forbid_unknown_fields=True):
    title: Title | msgspec.UnsetType = msgspec.UNSET
    copies: Copies | msgspec.UnsetType = msgspec.UNSET


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
        name: value
        for name in data.__struct_fields__
        if (value := getattr(data, name)) is not msgspec.UNSET
    }
    # A changed copy, stored only once the whole change is known.
    BOOKS[book_id] = msgspec.structs.replace(find(book_id), **sent)
    return BOOKS[book_id]


app = Litestar(route_handlers=[get_book, change_book])
