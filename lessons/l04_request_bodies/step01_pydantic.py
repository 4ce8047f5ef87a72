"""A book written with pydantic v2."""

# --8<-- [start:app]
from litestar import Litestar, get, post
from litestar.params import JSONBody
from pydantic import BaseModel, ConfigDict, Field


class Book(BaseModel):
    # Refuse unknown keys: a misspelt optional field ("tag") is an error, not silently lost.
    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=100, examples=["Dune"])
    price: float = Field(gt=0, le=1000)
    in_stock: bool = True
    tags: list[str] = []  # pydantic copies mutable defaults, so [] is safe here


BOOKS: list[Book] = []  # an in-memory store, one per step


@post("/books")  # 201 Created by default
async def create_book(data: JSONBody[Book]) -> Book:
    BOOKS.append(data)
    return data


@get("/books")
async def list_books() -> list[Book]:
    return BOOKS


app = Litestar(route_handlers=[create_book, list_books])
# --8<-- [end:app]
