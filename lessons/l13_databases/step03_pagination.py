"""A service layer, a filter and offset pagination with a total count."""

# --8<-- [start:app]
from typing import Annotated

from advanced_alchemy.extensions.litestar import (
    SQLAlchemyAsyncConfig,
    SQLAlchemyPlugin,
    filters,
    service,
)
from advanced_alchemy.service import OffsetPagination
from litestar import Litestar, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromQuery, JSONBody, QueryParameter
from sqlalchemy.ext.asyncio import AsyncSession

from lessons.l13_databases.database import close_engine
from lessons.l13_databases.models import Book
from lessons.l13_databases.schemas import BookOut, NewBook
from lessons.l13_databases.step01_session import DATABASE_URL, to_out
from lessons.l13_databases.step02_repository import BookRepository

MAX_PAGE = 100


# --8<-- [start:service]
# The service is where rules about books would live; the repository only queries.
class BookService(service.SQLAlchemyAsyncRepositoryService[Book, BookRepository]):
    repository_type = BookRepository


async def provide_books(db_session: NamedDependency[AsyncSession]) -> BookService:
    return BookService(session=db_session)


# --8<-- [end:service]


@post("/books")
async def add_book(data: JSONBody[NewBook], books: NamedDependency[BookService]) -> BookOut:
    return to_out(await books.create(Book(title=data.title, author=data.author, isbn=data.isbn)))


# --8<-- [start:list]
@get("/books")
async def list_books(
    books: NamedDependency[BookService],
    limit: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 20,
    offset: Annotated[int, QueryParameter(ge=0)] = 0,
    author: FromQuery[str | None] = None,
) -> OffsetPagination[BookOut]:
    # A stable order matters: without one, pages may overlap or skip rows.
    wanted: list[filters.StatementFilter] = [
        filters.LimitOffset(limit=limit, offset=offset),
        filters.OrderBy(field_name="id", sort_order="asc"),
    ]
    if author is not None:
        wanted.append(filters.CollectionFilter(field_name="author", values=[author]))
    # The page and the total before paging. By default the total comes from a
    # window function over the page's own rows, so a page past the end would
    # report total 0; a separate COUNT query keeps it right.
    found, total = await books.get_many_and_count(*wanted, count_with_window_function=False)
    return OffsetPagination(
        items=[to_out(book) for book in found], limit=limit, offset=offset, total=total
    )


# --8<-- [end:list]


def create_app(database_url: str = DATABASE_URL) -> Litestar:
    config = SQLAlchemyAsyncConfig(
        connection_string=database_url, create_all=True, before_send_handler="autocommit"
    )
    return Litestar(
        route_handlers=[add_book, list_books],
        dependencies={"books": Provide(provide_books)},
        plugins=[SQLAlchemyPlugin(config=config)],
        on_shutdown=[close_engine(config)],
    )


app = create_app()
# --8<-- [end:app]
