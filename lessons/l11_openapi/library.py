"""The books every step documents: models that describe their own fields, and a small store."""

# --8<-- [start:models]
from typing import Annotated

import msgspec
from litestar.exceptions import ClientException, NotFoundException
from litestar.status_codes import HTTP_409_CONFLICT

# msgspec.Meta checks the value *and* describes it: the constraints, the description
# and the examples all land in the OpenAPI schema of every model that uses the type.
BookId = Annotated[int, msgspec.Meta(ge=1, description="The book's catalogue number", examples=[1])]
Title = Annotated[
    str, msgspec.Meta(min_length=1, max_length=200, description="As printed", examples=["Dune"])
]
Author = Annotated[str, msgspec.Meta(min_length=1, max_length=100, examples=["Frank Herbert"])]
Year = Annotated[
    int, msgspec.Meta(ge=1450, le=2100, description="Year of first publication", examples=[1965])
]


class NewBook(msgspec.Struct):
    """What a client sends to add a book: the server picks the id."""

    title: Title
    author: Author
    year: Year


class Book(msgspec.Struct):
    """A book in the catalogue."""

    id: BookId
    title: Title
    author: Author
    year: Year


class ErrorBody(msgspec.Struct):
    """The body Litestar sends with a 4xx raised as an HTTPException."""

    status_code: int
    detail: str


# --8<-- [end:models]


# --8<-- [start:store]
class DuplicateBookError(ClientException):
    """The same title by the same author is already in the catalogue."""

    status_code = HTTP_409_CONFLICT


# A dict stands in for a database, as in lesson 02.
BOOKS: dict[int, Book] = {
    1: Book(id=1, title="Dune", author="Frank Herbert", year=1965),
    2: Book(id=2, title="Kindred", author="Octavia E. Butler", year=1979),
}


def find_book(book_id: int) -> Book:
    try:
        return BOOKS[book_id]
    except KeyError:
        raise NotFoundException(f"No book with id {book_id}") from None


def add_book(new: NewBook) -> Book:
    for book in BOOKS.values():
        if (book.title.casefold(), book.author.casefold()) == (
            new.title.casefold(),
            new.author.casefold(),
        ):
            raise DuplicateBookError(f"{new.title!r} by {new.author} is already in the catalogue")
    book = Book(id=max(BOOKS, default=0) + 1, title=new.title, author=new.author, year=new.year)
    BOOKS[book.id] = book
    return book


def search(words: str) -> list[Book]:
    wanted = words.casefold()
    return [book for book in BOOKS.values() if wanted in f"{book.title} {book.author}".casefold()]


# --8<-- [end:store]
