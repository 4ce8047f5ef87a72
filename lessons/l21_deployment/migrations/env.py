"""Alembic runs this for every migration command; advanced-alchemy hands it the app's engine."""

import asyncio

from advanced_alchemy.base import metadata_registry
from alembic import context
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from lessons.l21_deployment import models

config = context.config


def ours(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    # The bases share one metadata with every other lesson's tables: compare ours only.
    return type_ != "table" or name == models.Parcel.__tablename__


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata_registry.get(config.bind_key),  # type: ignore[attr-defined]
        include_object=ours,
        render_as_batch=True,  # SQLite cannot ALTER most things in place
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_online() -> None:
    engine: AsyncEngine = config.engine  # type: ignore[attr-defined]
    async with engine.connect() as connection:
        await connection.run_sync(run_migrations)
    await engine.dispose()


asyncio.run(run_online())
