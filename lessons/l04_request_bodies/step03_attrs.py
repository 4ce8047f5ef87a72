"""The same book as an attrs class."""

# --8<-- [start:app]
import attrs
from attrs.validators import gt, le, max_len, min_len
from litestar import Litestar, get, post
from litestar.params import JSONBody


# msgspec builds the instance, so attrs validators run on every request body.
# Litestar registers the attrs OpenAPI plugin by itself when attrs is installed.
@attrs.define
class Book:
    title: str = attrs.field(validator=[min_len(1), max_len(100)])
    price: float = attrs.field(validator=[gt(0), le(1000)])
    in_stock: bool = True
    tags: list[str] = attrs.Factory(list)


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
