"""Migrations, not create_all, decide what the schema is."""

# --8<-- [start:app]
from pathlib import Path

from advanced_alchemy.extensions.litestar import (
    AlembicAsyncConfig,
    SQLAlchemyAsyncConfig,
    SQLAlchemyPlugin,
)
from litestar import Litestar
from litestar.di import Provide

from lessons.l13_databases.database import close_engine
from lessons.l13_databases.step01_session import DATABASE_URL
from lessons.l13_databases.step03_pagination import add_book, list_books, provide_books

MIGRATIONS = Path(__file__).parent / "migrations"


# --8<-- [start:config]
def database_config(database_url: str = DATABASE_URL) -> SQLAlchemyAsyncConfig:
    return SQLAlchemyAsyncConfig(
        connection_string=database_url,
        # No create_all: `litestar database upgrade` applies migrations/versions/*.py,
        # and the version table records which ones a database already has.
        create_all=False,
        before_send_handler="autocommit",
        alembic_config=AlembicAsyncConfig(script_location=str(MIGRATIONS)),
    )


# --8<-- [end:config]


def create_app(database_url: str = DATABASE_URL) -> Litestar:
    config = database_config(database_url)
    return Litestar(
        route_handlers=[add_book, list_books],
        dependencies={"books": Provide(provide_books)},
        plugins=[SQLAlchemyPlugin(config=config)],
        on_shutdown=[close_engine(config)],
    )


app = create_app()
# --8<-- [end:app]
