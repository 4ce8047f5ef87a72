"""The database connection: one config for the SQLAlchemy plugin, migrations, readiness."""

from __future__ import annotations

import weakref
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from advanced_alchemy.extensions.litestar import (
    AlembicAsyncConfig,
    AlembicCommands,
    AsyncSessionConfig,
    SQLAlchemyAsyncConfig,
)
from sqlalchemy import Engine, event, make_url, text
from sqlalchemy.ext.asyncio import AsyncEngine

from capstone.config import Settings

MIGRATIONS = Path(__file__).parent / "migrations"


def database_config(settings: Settings) -> SQLAlchemyAsyncConfig:
    url, sqlite_path = _never_create_later(settings.database_url)
    config = SQLAlchemyAsyncConfig(
        connection_string=url,
        # Commit when the response is 2xx, roll back on anything else (lesson 13).
        before_send_handler="autocommit",
        # Objects stay readable after the commit, when the response is encoded.
        session_config=AsyncSessionConfig(expire_on_commit=False),
        alembic_config=AlembicAsyncConfig(script_location=str(MIGRATIONS)),
    )
    # An error's text in the log would otherwise carry its SQL parameters: a password hash,
    # a task's title, whatever the failing statement was given.
    config.engine_config.hide_parameters = True
    if url.startswith("sqlite"):
        _tune_sqlite(config.get_engine(), sqlite_path)
    return config


def _never_create_later(url: str) -> tuple[str, str | None]:
    """A SQLite file URL as one that opens the file only if it exists (mode=rw).

    The file is made here, once, when missing; a connection made after it was deleted
    fails instead of quietly starting an empty database in its place.
    """
    database = make_url(url).database if url.startswith("sqlite") else None
    if not database or database == ":memory:" or database.startswith("file:"):
        return url, None
    path = Path(database).absolute()
    if path.parent.is_dir():
        path.touch(exist_ok=True)  # an empty file is an empty SQLite database
    return f"sqlite+aiosqlite:///file:{quote(str(path))}?mode=rw&uri=true", str(path)


class SQLiteFile:
    """The database file as the first connection found it: deleted or replaced, it is gone.

    SQLite keeps writing into a deleted file it has open, where nobody will ever read it:
    from then on every connection is refused (503) rather than acknowledging lost writes.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.identity: tuple[int, int] | None = None

    def _now(self) -> tuple[int, int] | None:
        try:
            found = Path(self.path).stat()
        except OSError:
            return None
        return found.st_dev, found.st_ino

    def remember(self) -> None:
        if self.identity is None:
            self.identity = self._now()

    def check(self) -> None:
        if self.identity is not None and self._now() != self.identity:
            raise DatabaseUnavailableError(f"The database file {self.path} was deleted or replaced")


_SQLITE_FILES: weakref.WeakKeyDictionary[Engine, SQLiteFile] = weakref.WeakKeyDictionary()


def _tune_sqlite(engine: AsyncEngine, path: str | None) -> None:
    if path is not None:
        sqlite_file = _SQLITE_FILES[engine.sync_engine] = SQLiteFile(path)
        event.listen(engine.sync_engine, "connect", lambda *_: sqlite_file.remember())
        event.listen(engine.sync_engine, "checkout", lambda *_: sqlite_file.check())

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


class DatabaseUnavailableError(ConnectionError):
    """The database does not answer, or cannot take writes (on any route: a 503)."""


async def check_database(engine: AsyncEngine) -> None:
    """Raise DatabaseUnavailableError unless the database would take a write now."""
    try:
        async with engine.connect() as connection:
            if engine.dialect.name == "sqlite":
                # A write that is rolled back: refused on a read-only file or connection.
                await connection.exec_driver_sql("BEGIN IMMEDIATE")
                try:
                    await connection.exec_driver_sql("CREATE TABLE readiness_probe (x)")
                finally:
                    await connection.exec_driver_sql("ROLLBACK")
            elif await connection.scalar(text("SHOW transaction_read_only")) == "on":
                raise DatabaseUnavailableError("The database is read-only")
    except DatabaseUnavailableError:
        raise
    except Exception as error:  # any other failure means "not ready"
        if "readonly" in str(error):
            raise DatabaseUnavailableError("The database is read-only") from error
        raise DatabaseUnavailableError("The database does not answer") from error


def close_engine(config: SQLAlchemyAsyncConfig) -> Callable[[], Awaitable[None]]:
    """Close pooled connections at shutdown (advanced-alchemy 1.12 may not: lesson 13)."""

    async def close() -> None:
        await config.get_engine().dispose()

    return close
