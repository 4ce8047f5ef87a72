"""Each operation documented: summary, description, tags, operation id, deprecated, hidden."""

# --8<-- [start:app]
from litestar import Litestar, get
from litestar.params import FromQuery

from lessons.l11_openapi.library import Book, search
from lessons.l11_openapi.step01_config import get_book, list_books, openapi_config


# --8<-- [start:search]
@get(
    "/books/search",
    tags=["search"],
    summary="Search the catalogue",  # the default would be "SearchBooks"
    # An explicit description wins over the docstring.
    description="Case-insensitive match on the title and the author.",
    # Client generators name their functions after this: keep it stable.
    operation_id="searchBooks",
)
async def search_books(q: FromQuery[str]) -> list[Book]:
    """Notes for the people who maintain this handler; not for the docs."""
    return search(q)


# --8<-- [end:search]


# --8<-- [start:old-search]
# Marked deprecated in the docs; it still answers as before.
@get("/search", tags=["search"], deprecated=True, summary="Use GET /books/search instead")
async def old_search(title: FromQuery[str]) -> list[Book]:
    return search(title)


# Left out of the document, but served like any other route.
@get("/health", include_in_schema=False)
async def health() -> dict[str, str]:
    return {"status": "ok"}


# --8<-- [end:old-search]

app = Litestar(
    route_handlers=[list_books, get_book, search_books, old_search, health],
    openapi_config=openapi_config,
)
# --8<-- [end:app]
