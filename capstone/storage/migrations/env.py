"""Alembic's entry point: migrate the database the app's config points at."""

import asyncio

from alembic import context
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from capstone.storage import models

config = context.config


def ours(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    # advanced-alchemy's bases share one metadata, which also holds the tables of any
    # other models imported in this process (the lessons', in a full test run).
    return type_ != "table" or name in {
        models.User.__tablename__,
        models.Task.__tablename__,
        models.IdempotencyKey.__tablename__,
    }


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=models.Task.metadata,
        include_object=ours,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_online() -> None:
    engine: AsyncEngine = config.engine  # type: ignore[attr-defined]
    async with engine.connect() as connection:
        await connection.run_sync(run_migrations)
    # These connections belong to this short-lived event loop: close them here.
    await engine.dispose()


asyncio.run(run_online())
