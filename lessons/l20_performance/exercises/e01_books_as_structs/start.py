"""Books as Structs: the same JSON, without the pydantic round trip.

Your task (the whole contract is in task.md, or on the lesson page): GET /books answers with
pydantic models, which Litestar turns into dicts one by one before msgspec writes them. Make
Book a msgspec Struct instead; every response must stay exactly the same.
"""

from datetime import date
from typing import Annotated

import pydantic
from litestar import Litestar, get
from litestar.params import QueryParameter


# TODO: make this a msgspec.Struct with the same fields (kw_only=True lets you keep
# building it with keywords).
class Book(pydantic.BaseModel):
    isbn: str
    title: str
    price_cents: int
    published: date
    subtitle: str | None = None


SHELF = tuple(
    Book(
        isbn=f"978-0-00-00{number:04d}-0",
        title=f"Volume {number}",
        price_cents=1000 + number,
        published=date(2000 + number % 25, 1 + number % 12, 1),
        subtitle="A sequel" if number % 2 else None,
    )
    for number in range(1, 501)
)


@get("/books")
async def list_books(limit: Annotated[int, QueryParameter(ge=1, le=500)] = 20) -> list[Book]:
    return list(SHELF[:limit])


app = Litestar(route_handlers=[list_books])
