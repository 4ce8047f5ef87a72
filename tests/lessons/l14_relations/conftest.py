import gc
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.services import isolated_postgres_database


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """A fresh SQLite file per test: tests never share data and can run in parallel."""
    return f"sqlite+aiosqlite:///{tmp_path / 'lesson14.sqlite3'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def any_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The same test on SQLite and on PostgreSQL (skipped, with the reason, when unreachable).

    Each PostgreSQL test gets a database of its own, dropped afterwards: parallel runs
    never see each other's tables.
    """
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'lesson14.sqlite3'}"
        return
    with isolated_postgres_database() as url:
        yield url


@pytest.fixture(autouse=True)
def predictable_uuids(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """uuid4() counts up from 1 in these tests, so the transcripts on the page are stable.

    uuid4 is `UUID(bytes=os.urandom(16), version=4)`; only the uuid module's own view of
    `os` is replaced. Run the app yourself and the ids are random, as they should be.
    """
    if "any_database_url" in request.fixturenames:
        # First the PostgreSQL database, whose name is a real uuid4: predictable names would
        # collide with the leftovers of a killed run, and with other runs in parallel.
        request.getfixturevalue("any_database_url")
    counter = iter(range(1, 2**32))

    def urandom(size: int) -> bytes:
        return next(counter).to_bytes(size, "big")

    monkeypatch.setattr(uuid, "os", SimpleNamespace(urandom=urandom))


# A lazy load under asyncio (step 1's pitfall) fails with
# MissingGreenlet and leaves the driver's cursor() coroutine never awaited. Its RuntimeWarning
# comes whenever that coroutine is collected; with warnings as errors pytest would pin it on
# whichever later test happens to be running. Collect it at the end of the test that made it.
@pytest.fixture(autouse=True)
def collect_leftover_coroutines() -> Iterator[None]:
    yield
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "coroutine 'Connection.cursor' was never awaited")
        gc.collect()
