"""The database connection: one config for the SQLAlchemy plugin, migrations, readiness."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from advanced_alchemy.extensions.litestar import (
    AlembicAsyncConfig,
    AlembicCommands,
    AsyncSessionConfig,
    SQLAlchemyAsyncConfig,
)
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from capstone.config import Settings

MIGRATIONS = Path(__file__).parent / "migrations"


def database_config(settings: Settings) -> SQLAlchemyAsyncConfig:
    config = SQLAlchemyAsyncConfig(
        connection_string=settings.database_url,
        # Commit when the response is 2xx, roll back on anything else (lesson 12).
        before_send_handler="autocommit",
        # Objects stay readable after the commit, when the response is encoded.
        session_config=AsyncSessionConfig(expire_on_commit=False),
        alembic_config=AlembicAsyncConfig(script_location=str(MIGRATIONS)),
    )
    if settings.database_url.startswith("sqlite"):
        _tune_sqlite(config.get_engine())
    return config


def _tune_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def on_connect(connection: Any, _: object) -> None:
        cursor = connection.cursor()
        # Readers do not block the writer; a writer waits for a lock instead of failing;
        # and SQLite enforces foreign keys only when asked to.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


def migrate(config: SQLAlchemyAsyncConfig) -> None:
    """Apply every migration the database does not have yet (blocking; no event loop)."""
    AlembicCommands(sqlalchemy_config=config).upgrade("head")


class DatabaseUnavailableError(Exception):
    """The database does not answer."""


async def check_database(engine: AsyncEngine) -> None:
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception as error:  # any failure means "not ready"
        raise DatabaseUnavailableError("The database does not answer") from error


def close_engine(config: SQLAlchemyAsyncConfig) -> Callable[[], Awaitable[None]]:
    """Close pooled connections at shutdown (advanced-alchemy 1.12 may not: lesson 12)."""

    async def close() -> None:
        await config.get_engine().dispose()

    return close
