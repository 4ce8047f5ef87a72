"""A repository does the queries, and turns database errors into 404 and 409."""

# --8<-- [start:app]
import msgspec
from advanced_alchemy.extensions.litestar import (
    SQLAlchemyAsyncConfig,
    SQLAlchemyPlugin,
    repository,
)
from litestar import Litestar, delete, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import JSONBody
from sqlalchemy.ext.asyncio import AsyncSession

from lessons.l13_databases.database import close_engine
from lessons.l13_databases.models import Book
from lessons.l13_databases.schemas import BookId, BookOut, NewBook
from lessons.l13_databases.step01_session import DATABASE_URL, to_out


# --8<-- [start:repository]
class BookRepository(repository.SQLAlchemyAsyncRepository[Book]):
    """add, get, get_many, update, delete, count, … for one model."""

    model_type = Book


async def provide_books(db_session: NamedDependency[AsyncSession]) -> BookRepository:
    # One repository per request, on that request's session.
    return BookRepository(session=db_session)


# --8<-- [end:repository]


# --8<-- [start:handlers]
@post("/books")
async def add_book(data: JSONBody[NewBook], books: NamedDependency[BookRepository]) -> BookOut:
    # A duplicate ISBN raises DuplicateKeyError, which the plugin answers with 409.
    return to_out(await books.add(Book(**msgspec.structs.asdict(data))))


@get("/books")
async def list_books(books: NamedDependency[BookRepository]) -> list[BookOut]:
    return [to_out(book) for book in await books.get_many(order_by=("id", False))]


@get("/books/{book_id:int}")
async def get_book(book_id: BookId, books: NamedDependency[BookRepository]) -> BookOut:
    # A missing row raises NotFoundError, which the plugin answers with 404.
    return to_out(await books.get(book_id))


@delete("/books/{book_id:int}")
async def delete_book(book_id: BookId, books: NamedDependency[BookRepository]) -> None:
    await books.delete(book_id)


# --8<-- [end:handlers]


def create_app(database_url: str = DATABASE_URL) -> Litestar:
    config = SQLAlchemyAsyncConfig(
        connection_string=database_url, create_all=True, before_send_handler="autocommit"
    )
    return Litestar(
        route_handlers=[add_book, list_books, get_book, delete_book],
        dependencies={"books": Provide(provide_books)},
        plugins=[SQLAlchemyPlugin(config=config)],
        on_shutdown=[close_engine(config)],
    )


app = create_app()
# --8<-- [end:app]
