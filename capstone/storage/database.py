"""The database connection: one config for the SQLAlchemy plugin, migrations, readiness."""

from __future__ import annotations

import asyncio
import os
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
    async_autocommit_handler_maker,
    async_default_handler_maker,
)
from litestar.types import BeforeMessageSendHookHandler, Message, Scope
from sqlalchemy import Engine, event, make_url, text
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from sqlalchemy.pool import ConnectionPoolEntry, PoolResetState

from capstone.config import Settings

MIGRATIONS = Path(__file__).parent / "migrations"
# --8<-- [start:fixed-pool]
# Connections each process keeps open. With no overflow, a burst waits for one of these
# (at most POOL_TIMEOUT seconds, then 503) instead of opening connections that are closed
# again as soon as they are given back: SQLAlchemy's default of 5 + 10 overflow opened
# 139 connections per 1,000 listings at 32 concurrent requests.
POOL_SIZE = 10
POOL_TIMEOUT = 30
# --8<-- [end:fixed-pool]


def database_config(settings: Settings) -> SQLAlchemyAsyncConfig:
    url, sqlite_path = _never_create_later(settings.database_url)
    lean = settings.lean_sessions
    config = SQLAlchemyAsyncConfig(
        connection_string=url,
        # Objects stay readable after the commit, when the response is encoded.
        # No cache is configured: its listener need not look for one after every commit.
        session_config=AsyncSessionConfig(
            expire_on_commit=False, info={"enable_cache_listener": False} if lean else {}
        ),
        alembic_config=AlembicAsyncConfig(script_location=str(MIGRATIONS)),
        # No FileObject columns: no listener to look for them on every flush and commit.
        enable_file_object_listener=not lean,
    )
    # As each answer starts: commit a write's session or roll it back (end_of_request).
    config.before_send_handler = end_of_request(config.session_scope_key)
    # An error's text in the log would otherwise carry its SQL parameters: a password hash,
    # a task's title, whatever the failing statement was given.
    config.engine_config.hide_parameters = True
    if settings.fixed_pool and not _in_memory(url):
        config.engine_config.pool_size = POOL_SIZE
        config.engine_config.max_overflow = 0
        config.engine_config.pool_timeout = POOL_TIMEOUT
    sqlite = url.startswith("sqlite")
    if sqlite and settings.lean_resets:
        # SQLAlchemy's create_engine takes None (advanced-alchemy's annotation leaves it out):
        # no rollback of its own on return; roll_back_if_open decides instead.
        config.engine_config.pool_reset_on_return = None  # type: ignore[assignment]
    if sqlite:
        _tune_sqlite(config.get_engine(), sqlite_path, settings.lean_resets)
    return config


# --8<-- [start:lean-resets]
def roll_back_if_open(
    dbapi_connection: Any, record: ConnectionPoolEntry, reset: PoolResetState
) -> None:
    """A connection given back to the pool: rolled back if SQLite has a transaction open.

    SQLAlchemy's pool rolls back every connection given back to it ("reset on return"),
    even one whose transaction the Session has just committed or rolled back: through
    aiosqlite, each rollback is a trip to the connection's thread, for nothing. SQLite knows
    in process whether a transaction is open, without a trip: only then is one sent.
    """
    if reset.terminate_only or not reset.asyncio_safe:
        return  # the pool is closing the connection anyway, or may not await here
    driver = record.driver_connection  # aiosqlite's Connection; None once it is closed
    if driver is not None and driver.in_transaction:
        dbapi_connection.rollback()
        # --8<-- [end:lean-resets]


def _in_memory(url: str) -> bool:
    # An in-memory SQLite database lives in one connection (SQLAlchemy's StaticPool).
    return url.startswith("sqlite") and make_url(url).database in (None, "", ":memory:")


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
            # On every checkout: os.stat makes no Path object each time.
            found = os.stat(self.path)  # noqa: PTH116
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


def _tune_sqlite(engine: AsyncEngine, path: str | None, lean_resets: bool) -> None:
    if lean_resets:
        event.listen(engine.sync_engine, "reset", roll_back_if_open)
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


async def _take_turn(turns: asyncio.Lock | asyncio.Semaphore, refusal: str) -> None:
    """Wait for a turn, in arrival order (asyncio's Lock and Semaphore are fair), at most
    POOL_TIMEOUT seconds: then PoolTimeoutError, a 503 like the pool's own timeout."""
    if not turns.locked():
        await turns.acquire()  # free now: no timer to set up and cancel
        return
    try:
        await asyncio.wait_for(turns.acquire(), POOL_TIMEOUT)
    except TimeoutError:
        raise PoolTimeoutError(refusal) from None


# --8<-- [start:fair-pool]
class FairPool:
    """The pool's connections, given to the requests in the order they asked.

    SQLAlchemy's async pool hands a connection that comes back to whoever asks next: a
    request that arrives at that moment takes it, and the one that was waiting goes to the
    back of the queue again. At 32 requests for 10 connections, the unlucky ones waited many
    times the median (a p99 of 550 ms against 60). Here each request first takes one of the
    pool's places, in order, so the pool itself never has anyone waiting.
    """

    def __init__(self, places: int | None) -> None:
        self.places = asyncio.Semaphore(places) if places else None

    async def enter(self, state: dict[str, Any]) -> None:
        if self.places is None:
            return
        await _take_turn(self.places, "No database connection within the pool timeout")
        state["pool_place"] = self.places

    @staticmethod
    def leave(state: dict[str, Any]) -> None:
        """Once the session is closed and its connection back in the pool."""
        places = state.pop("pool_place", None)
        if places is not None:
            places.release()
            # --8<-- [end:fair-pool]


# --8<-- [start:single-writer]
class SingleWriter:
    """SQLite lets one transaction write at a time; the others poll its lock, sleeping ever
    longer between tries (up to 100 ms), and give up after busy_timeout. Here the writing
    requests of a process queue for one asyncio lock instead, in arrival order, from their
    first statement until their commit: SQLite then never has two writers of ours to choose
    from. Other processes still meet busy_timeout, which stays the backstop.
    """

    def __init__(self, enabled: bool) -> None:
        self.lock = asyncio.Lock() if enabled else None

    async def enter(self, state: dict[str, Any]) -> None:
        if self.lock is None:
            return
        await _take_turn(self.lock, "No turn to write within the pool timeout")
        state["writer"] = self.lock

    @staticmethod
    def leave(state: dict[str, Any]) -> None:
        """After the commit or rollback: the next writer's turn."""
        lock = state.pop("writer", None)
        if lock is not None:
            lock.release()
            # --8<-- [end:single-writer]


# --8<-- [start:request-transactions]
class RequestTransactions:
    """How a request's session begins: a write takes its turn, a read skips the transaction."""

    def __init__(self, settings: Settings) -> None:
        sqlite = settings.database_url.startswith("sqlite")
        self.writer = SingleWriter(settings.single_writer and sqlite)
        # In-memory SQLite is one shared connection (StaticPool): no places to queue for.
        fair = settings.fair_pool and settings.fixed_pool and not _in_memory(settings.database_url)
        self.pool = FairPool(POOL_SIZE if fair else None)
        # PostgreSQL: BEGIN and COMMIT are two round trips around a GET's SELECTs, and at
        # READ COMMITTED each SELECT sees its own snapshot anyway. (SQLite's driver opens a
        # transaction only before a write: its reads never had one.)
        self.reads_autocommit = settings.reads_autocommit and not sqlite
        self.rows_for_reads = settings.rows_for_reads  # domain/tasks.py: TaskService(rows=)
        self.insert_returning = settings.insert_returning  # and TaskService(inserts=)

    async def begin(self, session: AsyncSession, method: str, state: dict[str, Any]) -> None:
        if method in ("GET", "HEAD"):
            await self.pool.enter(state)
            if self.reads_autocommit:
                await session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
        else:
            # The write lock first: a writer waiting for it holds no connection meanwhile.
            await self.writer.enter(state)
            await self.pool.enter(state)

    @staticmethod
    def end(state: dict[str, Any]) -> None:
        """Once the plugin has committed or rolled back, and closed the session."""
        FairPool.leave(state)
        SingleWriter.leave(state)

    @staticmethod
    async def commit(session: AsyncSession, method: str, state: dict[str, Any]) -> None:
        # A read has nothing to commit: the plugin's close gives its connection back.
        if method not in ("GET", "HEAD"):
            await session.commit()
            state["committed"] = True  # end_of_request need not commit it again
        # --8<-- [end:request-transactions]


# --8<-- [start:end-of-request]
def end_of_request(session_scope_key: str) -> BeforeMessageSendHookHandler:
    """The plugin's handler as each answer starts: commit a 2xx write, roll back the rest.

    advanced-alchemy's "autocommit" commits reads too (nothing to commit, yet a call and
    on SQLite a trip to the driver's thread), and logs a commit that fails at DEBUG while
    the 2xx goes out anyway. So the writes commit in their dependencies, before their answer
    (http/tasks.py, http/auth.py), where a failure is a 503: here is only the backstop, for
    a write route that does not. Then the request's turns are given back (RequestTransactions).
    """
    commit = async_autocommit_handler_maker(session_scope_key=session_scope_key)
    close = async_default_handler_maker(session_scope_key=session_scope_key)

    async def handler(message: Message, scope: Scope) -> None:
        try:
            done = scope.get("method") in ("GET", "HEAD") or scope.get("state", {}).get("committed")
            await (close if done else commit)(message, scope)
        finally:
            if message["type"] == "http.response.start":
                RequestTransactions.end(scope.get("state", {}))

    return handler
    # --8<-- [end:end-of-request]


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
