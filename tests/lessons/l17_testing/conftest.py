"""Fixtures for lesson 17: the async test backend, a database per test, seeded test data."""

from pathlib import Path

import pytest

from tests.lessons.l17_testing.factories import NewNoteFactory


# --8<-- [start:anyio-backend]
@pytest.fixture
def anyio_backend() -> str:
    """Run every `@pytest.mark.anyio` test on asyncio (anyio would also offer trio)."""
    return "asyncio"


# --8<-- [end:anyio-backend]


# --8<-- [start:database-url]
@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """A new SQLite file per test: no test sees another's rows, and tests can run in parallel."""
    return f"sqlite+aiosqlite:///{tmp_path / 'notes.sqlite3'}"


# --8<-- [end:database-url]


# --8<-- [start:seeded-factory]
@pytest.fixture
def note_factory() -> type[NewNoteFactory]:
    """The factory, reseeded: each test gets the same notes whatever ran before it."""
    NewNoteFactory.seed_random(14)
    return NewNoteFactory


# --8<-- [end:seeded-factory]
