"""The same book as a standard-library dataclass."""

# --8<-- [start:app]
from dataclasses import dataclass, field
from typing import Annotated

import msgspec
from litestar import Litestar, get, post
from litestar.params import JSONBody


# slots=True makes msgspec store every field, defaults included (see the pitfall).
@dataclass(slots=True)
class Book:
    # msgspec decodes dataclasses too, so msgspec.Meta constraints apply here as well.
    title: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    price: Annotated[float, msgspec.Meta(gt=0, le=1000)]
    in_stock: bool = True
    tags: list[str] = field(default_factory=list)


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
