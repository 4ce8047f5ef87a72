"""Alembic runs this file for every migration command: lesson 13's env.py, for these tables."""

# --8<-- [start:env]
import asyncio

from advanced_alchemy.base import metadata_registry
from advanced_alchemy.types import GUID
from alembic import context
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from lessons.l14_relations import models  # puts the four tables on the metadata

config = context.config
OURS = {
    table.name
    for table in models.Artist.metadata.sorted_tables
    if table.name.startswith("lesson14_")
}


def ours(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    # The metadata is shared with lesson 13's `book` (and any other models imported):
    # compare this lesson's tables only.
    return type_ != "table" or name in OURS


def same_type(
    context: object, inspected: object, column: object, reflected: object, declared: object
) -> bool | None:
    # SQLite has no BINARY type of its own: a GUID column (BINARY(16) there) reads back as
    # NUMERIC(16), which `alembic check` would call a change. Compare the rest as usual.
    if isinstance(declared, GUID) and connection_dialect(context) == "sqlite":
        return False
    return None


def connection_dialect(context: object) -> str:
    return str(context.dialect.name)  # type: ignore[attr-defined]


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata_registry.get(config.bind_key),  # type: ignore[attr-defined]
        include_object=ours,
        render_as_batch=True,  # SQLite cannot ALTER most things in place
        compare_type=same_type,
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_online() -> None:
    engine: AsyncEngine = config.engine  # type: ignore[attr-defined]
    async with engine.connect() as connection:
        await connection.run_sync(run_migrations)
    await engine.dispose()  # the connections belong to this short-lived event loop


asyncio.run(run_online())
# --8<-- [end:env]
