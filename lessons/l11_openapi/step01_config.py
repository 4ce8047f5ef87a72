"""OpenAPIConfig describes the API as a whole: title, contact, licence, servers and tags."""

# --8<-- [start:app]
from litestar import Litestar, get
from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import Contact, License, Server, Tag
from litestar.params import FromPath

from lessons.l11_openapi.library import BOOKS, Book, find_book


# --8<-- [start:handlers]
@get("/books", tags=["books"])
async def list_books() -> list[Book]:
    """Every book in the catalogue, oldest entry first.

    The catalogue is small, so the whole list comes back in one response.
    """
    return list(BOOKS.values())


@get("/books/{book_id:int}", tags=["books"])
async def get_book(book_id: FromPath[int]) -> Book:
    """One book, by its catalogue number."""
    return find_book(book_id)


# --8<-- [end:handlers]


# --8<-- [start:config]
openapi_config = OpenAPIConfig(
    title="Library API",
    version="1.0.0",
    description="Browse and add books. Every answer here is generated from the code.",
    contact=Contact(name="Library team", email="library@example.com"),
    license=License(name="MIT", identifier="MIT"),
    # Where the API can be reached; "/" is the server that serves this document.
    servers=[
        Server(url="/", description="The server showing these docs"),
        Server(url="https://library.example.com", description="Production"),
    ],
    # Declaring a tag gives its group of operations a description.
    tags=[
        Tag(name="books", description="The catalogue: list, read and add books"),
        Tag(name="search", description="Find books by title or author"),
    ],
    # Off by default: without it, docstrings never reach the document.
    use_handler_docstrings=True,
)
# --8<-- [end:config]

app = Litestar(route_handlers=[list_books, get_book], openapi_config=openapi_config)
# --8<-- [end:app]
