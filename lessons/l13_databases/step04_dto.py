"""SQLAlchemyDTO: read and write the model directly, with the fields you choose."""

# --8<-- [start:app]
from advanced_alchemy.extensions.litestar import (
    SQLAlchemyAsyncConfig,
    SQLAlchemyDTO,
    SQLAlchemyDTOConfig,
    SQLAlchemyPlugin,
)
from litestar import Litestar, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import JSONBody

from lessons.l13_databases.database import close_engine
from lessons.l13_databases.models import Book
from lessons.l13_databases.schemas import BookId
from lessons.l13_databases.step01_session import DATABASE_URL
from lessons.l13_databases.step03_pagination import BookService, provide_books


# --8<-- [start:dtos]
# Responses: every column but the bookkeeping ones.
class BookRead(SQLAlchemyDTO[Book]):
    config = SQLAlchemyDTOConfig(exclude={"created_at", "updated_at"})


# Requests: clients never choose the id or the timestamps.
class BookWrite(SQLAlchemyDTO[Book]):
    config = SQLAlchemyDTOConfig(
        exclude={"id", "created_at", "updated_at"}, forbid_unknown_fields=True
    )


# --8<-- [end:dtos]


# --8<-- [start:handlers]
@post("/books", dto=BookWrite, return_dto=BookRead)
async def add_book(data: JSONBody[Book], books: NamedDependency[BookService]) -> Book:
    # `data` is a real Book instance, built from the request by BookWrite.
    return await books.create(data)


@get("/books/{book_id:int}", return_dto=BookRead)
async def get_book(book_id: BookId, books: NamedDependency[BookService]) -> Book:
    return await books.get(book_id)


# --8<-- [end:handlers]


def create_app(database_url: str = DATABASE_URL) -> Litestar:
    config = SQLAlchemyAsyncConfig(
        connection_string=database_url, create_all=True, before_send_handler="autocommit"
    )
    return Litestar(
        route_handlers=[add_book, get_book],
        dependencies={"books": Provide(provide_books)},
        plugins=[SQLAlchemyPlugin(config=config)],
        on_shutdown=[close_engine(config)],
    )


app = create_app()
# --8<-- [end:app]
