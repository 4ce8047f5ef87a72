"""The plugin gives every request a session; autocommit makes the writes stick."""

# --8<-- [start:app]
from advanced_alchemy.extensions.litestar import SQLAlchemyAsyncConfig, SQLAlchemyPlugin
from litestar import Litestar, get, post
from litestar.di import NamedDependency
from litestar.exceptions import ClientException, NotFoundException
from litestar.params import JSONBody
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from lessons.l13_databases.database import close_engine
from lessons.l13_databases.models import Book
from lessons.l13_databases.schemas import BookId, BookOut, NewBook

DATABASE_URL = "sqlite+aiosqlite:///lesson13.sqlite3"  # a file in the current directory


def to_out(book: Book) -> BookOut:
    return BookOut(id=book.id, title=book.title, author=book.author, isbn=book.isbn)


# --8<-- [start:handlers]
# `db_session` is provided by the plugin: a new AsyncSession for each request.
@post("/books")
async def add_book(data: JSONBody[NewBook], db_session: NamedDependency[AsyncSession]) -> BookOut:
    book = Book(title=data.title, author=data.author, isbn=data.isbn)
    db_session.add(book)
    try:
        await db_session.flush()  # sends the INSERT now, so the database assigns `id`
    except IntegrityError:
        # The unique ISBN is enforced by the database; tell the client, not the logs.
        raise ClientException(status_code=409, detail=f"ISBN {data.isbn} exists") from None
    return to_out(book)


@get("/books")
async def list_books(db_session: NamedDependency[AsyncSession]) -> list[BookOut]:
    books = await db_session.scalars(select(Book).order_by(Book.id))
    return [to_out(book) for book in books]


@get("/books/{book_id:int}")
async def get_book(book_id: BookId, db_session: NamedDependency[AsyncSession]) -> BookOut:
    book = await db_session.get(Book, book_id)
    if book is None:
        raise NotFoundException(f"Book {book_id} not found")
    return to_out(book)


# --8<-- [end:handlers]


# --8<-- [start:factory]
def create_app(database_url: str = DATABASE_URL) -> Litestar:
    """Build the app for a database; tests pass a temporary file."""
    config = SQLAlchemyAsyncConfig(
        connection_string=database_url,
        # Create missing tables at start-up. Fine for a lesson; step 05 uses migrations.
        create_all=True,
        # Commit when the response is 2xx, roll back otherwise. Without this,
        # nothing a handler writes is ever committed.
        before_send_handler="autocommit",
    )
    return Litestar(
        route_handlers=[add_book, list_books, get_book],
        plugins=[SQLAlchemyPlugin(config=config)],
        on_shutdown=[close_engine(config)],  # see database.py
    )


# --8<-- [end:factory]
app = create_app()
# --8<-- [end:app]
