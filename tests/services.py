"""PostgreSQL and Redis for the tests that need them: where they are, whether they answer,
and a database of its own for every test.

A test that needs a service calls `require_postgres()` / `require_redis()` (or uses
`isolated_postgres_database()`, which requires PostgreSQL itself). When the service does not
answer, the test is skipped with the reason, or fails when `REQUIRE_SERVICES=1` (CI sets it:
there, a skipped scale-out test would be a silently untested feature).

    TEST_POSTGRES_URL   default postgresql+asyncpg://postgres@127.0.0.1:5432/test
    TEST_REDIS_URL      default redis://127.0.0.1:6379/0
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import socket
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

# asyncpg, SQLAlchemy and redis are imported where they are used: a lesson session installs
# only its own extras (lesson 05 has redis, but neither asyncpg nor SQLAlchemy).

POSTGRES_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
REDIS_URL = "redis://127.0.0.1:6379/0"
# A probe is a question to a service that is either there or not: it answers in milliseconds.
PROBE_TIMEOUT = 2.0
# Every database `isolated_postgres_database` makes starts with this, so leftovers are easy
# to find (and `drop database` by hand, should a test process be killed mid-test).
DATABASE_PREFIX = "test_capstone_"


def postgres_url() -> str:
    """The PostgreSQL the tests use, as a SQLAlchemy URL (asyncpg driver)."""
    return os.environ.get("TEST_POSTGRES_URL") or POSTGRES_URL


def redis_url() -> str:
    return os.environ.get("TEST_REDIS_URL") or REDIS_URL


def make_url(url: str) -> URL:
    from sqlalchemy.engine import make_url as parse  # noqa: PLC0415 - see the imports

    return parse(url)


def shown(url: str) -> str:
    """The URL for a message: never a password."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


def _tcp_connect(host: str, port: int) -> None:
    # Fails fast on a closed port or a wrong host, before a client library's own retries.
    with socket.create_connection((host, port), timeout=PROBE_TIMEOUT):
        pass


def _asyncpg_dsn(url: URL) -> str:
    """asyncpg wants a plain postgresql:// DSN, not SQLAlchemy's `+asyncpg` form."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def _asyncpg() -> Any:
    import asyncpg  # type: ignore[import-untyped]  # noqa: PLC0415 - see the imports

    return asyncpg


async def _execute(url: URL, statement: str) -> None:
    connection = await _asyncpg().connect(_asyncpg_dsn(url), timeout=PROBE_TIMEOUT)
    try:
        await connection.execute(statement, timeout=PROBE_TIMEOUT * 5)
    finally:
        await connection.close()


@functools.cache
def postgres_problem(url: str) -> str | None:
    """Why PostgreSQL at `url` cannot be used, or None when it answers `SELECT 1`."""
    parsed = make_url(url)
    try:
        _tcp_connect(parsed.host or "127.0.0.1", parsed.port or 5432)
        asyncio.run(_execute(parsed, "SELECT 1"))
    except Exception as error:  # noqa: BLE001 - whatever went wrong is the reason to report
        return f"{type(error).__name__}: {error}"
    return None


@functools.cache
def redis_problem(url: str) -> str | None:
    """Why Redis at `url` cannot be used, or None when it answers PING."""
    import redis  # noqa: PLC0415 - see the imports

    parsed = urlsplit(url)
    try:
        _tcp_connect(parsed.hostname or "127.0.0.1", parsed.port or 6379)
        with redis.Redis.from_url(
            url, socket_timeout=PROBE_TIMEOUT, socket_connect_timeout=PROBE_TIMEOUT
        ) as client:
            client.ping()
    except Exception as error:  # noqa: BLE001 - whatever went wrong is the reason to report
        return f"{type(error).__name__}: {error}"
    return None


def services_required() -> bool:
    return os.environ.get("REQUIRE_SERVICES") == "1"


def unavailable(service: str, url: str, problem: str) -> None:
    """Skip the test, or fail it when REQUIRE_SERVICES=1."""
    reason = f"{service} at {shown(url)} is not reachable: {problem}"
    if services_required():
        pytest.fail(f"{reason} (and REQUIRE_SERVICES=1)", pytrace=False)
    pytest.skip(reason)


def require_postgres() -> str:
    """The PostgreSQL URL, once it is known to answer; otherwise skip (or fail)."""
    url = postgres_url()
    if (problem := postgres_problem(url)) is not None:
        unavailable("PostgreSQL", url, problem)
    return url


def require_redis() -> str:
    """The Redis URL, once it is known to answer; otherwise skip (or fail)."""
    url = redis_url()
    if (problem := redis_problem(url)) is not None:
        unavailable("Redis", url, problem)
    return url


def run_sql(url: str, statement: str) -> None:
    """Run one statement on the database at `url` (a SQLAlchemy URL), outside any app."""
    asyncio.run(_execute(make_url(url), statement))


def postgres_database_names(url: str) -> set[str]:
    """The databases on the server at `url` whose names start with DATABASE_PREFIX."""

    async def names() -> set[str]:
        connection = await _asyncpg().connect(_asyncpg_dsn(make_url(url)), timeout=PROBE_TIMEOUT)
        try:
            rows = await connection.fetch(
                "SELECT datname FROM pg_database WHERE starts_with(datname, $1)", DATABASE_PREFIX
            )
        finally:
            await connection.close()
        return {row["datname"] for row in rows}

    return asyncio.run(names())


@contextlib.contextmanager
def isolated_postgres_database() -> Iterator[str]:
    """A new, empty database for one test; dropped afterwards, whatever happened.

    A database per test (rather than a schema) keeps Alembic and advanced-alchemy on their
    defaults: no search_path to thread through every connection, and tests can run in
    parallel. The URL yielded has the same user, host and driver as `postgres_url()`.
    """
    admin = make_url(require_postgres())
    name = f"{DATABASE_PREFIX}{uuid.uuid4().hex[:16]}"
    run_sql(admin.render_as_string(hide_password=False), f'CREATE DATABASE "{name}"')
    try:
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        # FORCE (PostgreSQL 13+) ends connections a crashed server process left open.
        run_sql(
            admin.render_as_string(hide_password=False),
            f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
        )


def delete_saq_queue(url: str, name: str) -> None:
    """Delete every Redis key of the SAQ queue `name`: "saq:<name>:*" and "saq:job:<name>:*"."""
    with redis.Redis.from_url(url) as client:
        keys = [*client.scan_iter(f"saq:{name}:*"), *client.scan_iter(f"saq:job:{name}:*")]
        if keys:
            client.delete(*keys)
