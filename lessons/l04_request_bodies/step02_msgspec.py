"""The same book as a msgspec Struct."""

# --8<-- [start:app]
from typing import Annotated

import msgspec
from litestar import Litestar, get, post
from litestar.params import JSONBody


# forbid_unknown_fields: a misspelt optional field is an error, not silently lost.
class Book(msgspec.Struct, forbid_unknown_fields=True):
    # Constraints ride on the type, in msgspec.Meta.
    title: Annotated[str, msgspec.Meta(min_length=1, max_length=100, examples=["Dune"])]
    price: Annotated[float, msgspec.Meta(gt=0, le=1000)]
    in_stock: bool = True
    tags: list[str] = []  # msgspec copies mutable defaults, so [] is safe here


BOOKS: list[Book] = []


@post("/books")
async def create_book(data: JSONBody[Book]) -> Book:
    BOOKS.append(data)
    return data


@get("/books")
async def list_books() -> list[Book]:
    return BOOKS


app = Litestar(route_handlers=[create_book, list_books])
# --8<-- [end:app]
