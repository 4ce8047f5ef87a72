"""Alembic runs this file for every migration command: it connects and applies the scripts."""

# --8<-- [start:env]
import asyncio

from advanced_alchemy.base import metadata_registry
from alembic import context
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from lessons.l13_databases import models  # puts the `book` table on the metadata

# advanced-alchemy's AlembicCommands hands us a config that carries the app's engine.
config = context.config


def ours(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    # advanced-alchemy's bases share one metadata. A process that imported other models
    # too (a test run of every lesson) has their tables in it: compare our table only.
    return type_ != "table" or name == models.Book.__tablename__


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        # What `alembic check` and autogenerate compare the database with.
        target_metadata=metadata_registry.get(config.bind_key),  # type: ignore[attr-defined]
        include_object=ours,
        # SQLite cannot ALTER most things in place; batch mode copies the table instead.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_online() -> None:
    engine: AsyncEngine = config.engine  # type: ignore[attr-defined]
    async with engine.connect() as connection:
        await connection.run_sync(run_migrations)
    # The connections were made on this short-lived event loop: close them here.
    await engine.dispose()


asyncio.run(run_online())
# --8<-- [end:env]
