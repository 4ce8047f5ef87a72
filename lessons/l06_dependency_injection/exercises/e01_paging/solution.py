"""Page through the catalogue: one provider reads the paging query for every handler."""

from dataclasses import dataclass
from typing import Annotated

from litestar import Litestar, get
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, QueryParameter

BOOKS = [
    {"id": number, "title": f"Book {number}", "author_id": 1 + number % 2}
    for number in range(1, 13)
]


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


# The provider declares its inputs like a handler: every handler that asks for `page`
# gets them validated (a 400 when out of bounds) and documented, without repeating them.
async def provide_page(
    limit: Annotated[int, QueryParameter(ge=1, le=20)] = 5,
    offset: Annotated[int, QueryParameter(ge=0)] = 0,
) -> Page:
    return Page(limit=limit, offset=offset)


@get("/books")
async def list_books(page: NamedDependency[Page]) -> list[dict[str, object]]:
    return BOOKS[page.offset : page.offset + page.limit]


@get("/authors/{author_id:int}/books")
async def books_by(
    author_id: FromPath[int], page: NamedDependency[Page]
) -> list[dict[str, object]]:
    theirs = [book for book in BOOKS if book["author_id"] == author_id]
    return theirs[page.offset : page.offset + page.limit]


app = Litestar(route_handlers=[list_books, books_by], dependencies={"page": Provide(provide_page)})
