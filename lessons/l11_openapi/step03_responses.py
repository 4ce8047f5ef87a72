"""Responses, errors and examples: everything an operation can answer, with samples."""

# --8<-- [start:app]
from typing import Annotated

from litestar import Litestar, get, post
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example
from litestar.params import Body, PathParameter, QueryParameter

from lessons.l11_openapi.library import (
    Book,
    DuplicateBookError,
    ErrorBody,
    NewBook,
    add_book,
    find_book,
    search,
)
from lessons.l11_openapi.step01_config import list_books, openapi_config
from lessons.l11_openapi.step02_operations import health, old_search


# --8<-- [start:get-book]
@get(
    "/books/{book_id:int}",
    tags=["books"],
    # Document an answer the handler can give besides its success, with your own model.
    responses={
        404: ResponseSpec(
            data_container=ErrorBody,
            description="No book has this number",
            # True by default: it would add random made-up values to ErrorBody.
            generate_examples=False,
            examples=[
                Example(
                    summary="An unknown number",
                    value={"status_code": 404, "detail": "No book with id 99"},
                )
            ],
        )
    },
)
async def get_book(
    book_id: Annotated[int, PathParameter(ge=1, description="The book's catalogue number")],
) -> Book:
    """One book, by its catalogue number."""
    return find_book(book_id)


# --8<-- [end:get-book]


# --8<-- [start:create-book]
@post(
    "/books",
    tags=["books"],
    # Exceptions the handler raises on purpose; Litestar documents their status and shape.
    raises=[DuplicateBookError],
)
async def create_book(
    data: Annotated[
        NewBook,
        Body(
            description="The book to add",
            examples=[
                Example(
                    value={"title": "The Dispossessed", "author": "Ursula K. Le Guin", "year": 1974}
                )
            ],
        ),
    ],
) -> Book:
    """Add a book; it gets the next free catalogue number."""
    return add_book(data)


# --8<-- [end:create-book]


# --8<-- [start:search]
@get(
    "/books/search",
    tags=["search"],
    summary="Search the catalogue",
    description="Case-insensitive match on the title and the author.",
    operation_id="searchBooks",
)
async def search_books(
    q: Annotated[
        str,
        QueryParameter(
            min_length=2,
            max_length=50,
            description="Words from the title or the author's name",
            examples=[
                Example(summary="By title", value="dune"),
                Example(summary="By author", value="butler"),
            ],
        ),
    ],
) -> list[Book]:
    return search(q)


# --8<-- [end:search]

route_handlers = [list_books, get_book, create_book, search_books, old_search, health]
app = Litestar(route_handlers=route_handlers, openapi_config=openapi_config)
# --8<-- [end:app]
