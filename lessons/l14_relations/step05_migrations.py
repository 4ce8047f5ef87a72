"""Migrations build the four tables, foreign keys and pairs included."""

# --8<-- [start:app]
from pathlib import Path

from advanced_alchemy.extensions.litestar import (
    AlembicAsyncConfig,
    SQLAlchemyAsyncConfig,
    SQLAlchemyPlugin,
)
from litestar import Litestar

from lessons.l14_relations.database import DATABASE_URL, close_engine
from lessons.l14_relations.repositories import REPOSITORIES
from lessons.l14_relations.statements import CountStatements
from lessons.l14_relations.step01_relationships import add_album, add_artist, get_album
from lessons.l14_relations.step02_n_plus_one import list_artists

MIGRATIONS = Path(__file__).parent / "migrations"


# --8<-- [start:config]
def database_config(database_url: str = DATABASE_URL) -> SQLAlchemyAsyncConfig:
    # As in lesson 13 step 5: no create_all; `litestar database upgrade` builds the schema.
    return SQLAlchemyAsyncConfig(
        connection_string=database_url,
        create_all=False,
        before_send_handler="autocommit",
        alembic_config=AlembicAsyncConfig(script_location=str(MIGRATIONS)),
    )


# --8<-- [end:config]


def create_app(database_url: str = DATABASE_URL) -> Litestar:
    config = database_config(database_url)
    return Litestar(
        route_handlers=[add_artist, add_album, get_album, list_artists],
        dependencies=REPOSITORIES,
        plugins=[SQLAlchemyPlugin(config=config)],
        middleware=[CountStatements()],
        on_shutdown=[close_engine(config)],
    )


app = create_app()
# --8<-- [end:app]
