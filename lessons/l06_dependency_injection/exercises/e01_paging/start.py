"""Page through the catalogue: one provider reads the paging query for every handler.

Your task (the whole contract is in task.md, or on the lesson page): write `provide_page`
so that it reads `limit` (1 to 20, default 5) and `offset` (0 or more, default 0) from the
query string. Both handlers already ask for `page`; neither reads the query itself.
"""

from dataclasses import dataclass

from litestar import Litestar, get
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath

from lessons.kit import NotDone

BOOKS = [
    {"id": number, "title": f"Book {number}", "author_id": 1 + number % 2}
    for number in range(1, 13)
]


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


async def provide_page() -> Page:
    # TODO: declare `limit` and `offset` as query parameters of this provider, with the
    # bounds and defaults from the task, and build the Page from them.
    raise NotDone("provide_page does not read the query yet")


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
