"""Fixtures for the capstone: a fresh SQLite database per test, and signed-in users."""

from __future__ import annotations

import atexit
import logging
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jwt
import pytest
import time_machine
from argon2 import PasswordHasher
from litestar import Litestar
from litestar.logging.standard import QueueListenerHandler
from litestar.testing import TestClient

from capstone.app import create_app
from capstone.config import Settings
from capstone.domain import users
from capstone.http.auth import AUDIENCE, ISSUER
from capstone.storage.database import database_config, migrate

Client = TestClient[Litestar]
# The tests' own signing secret, so they can make tokens of their own (the app's default
# is random). Only tests know it; nothing outside tests accepts it.
TEST_SECRET = "tests-only-" + "s" * 32


def signed(claims: dict[str, Any], secret: str | None = TEST_SECRET) -> str:
    """A token as the capstone issues them (issuer, audience, a day to live), with `claims`."""
    algorithm = "HS256" if secret else "none"
    defaults = {"exp": 9_999_999_999, "iat": 1, "iss": ISSUER, "aud": AUDIENCE}
    return jwt.encode({**defaults, **claims}, secret or "", algorithm=algorithm)


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    # Real argon2 costs are for production; tests hash with the smallest legal ones.
    monkeypatch.setattr(
        users, "PASSWORD_HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    )


@pytest.fixture(autouse=True)
def stop_log_listeners() -> Iterator[None]:
    """Stop the log thread each app starts, once its test is over.

    On Python 3.11, Litestar's LoggingConfig gives the `litestar` logger a queue handler whose
    listener thread runs until the interpreter exits: one thread per app built, hundreds in
    this suite. A server process builds one app, so only the tests need this.
    """
    yield
    for handler in logging.getLogger("litestar").handlers:
        if isinstance(handler, QueueListenerHandler) and handler.listener._thread is not None:
            atexit.unregister(handler.listener.stop)
            handler.listener.stop()


@pytest.fixture
def frozen_clock() -> Iterator[time_machine.Traveller]:
    """Stop time at a fixed moment: timestamps and tokens in transcripts stay the same.

    Ask for it before `client` and the user fixtures: a token issued before the clock
    moved back would be "issued in the future", which PyJWT refuses.
    """
    with time_machine.travel(datetime(2026, 11, 27, 9, 0, tzinfo=UTC), tick=False) as traveller:
        yield traveller


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with every migration applied, made once for the whole run."""
    path = tmp_path_factory.mktemp("template") / "capstone.sqlite3"
    migrate(database_config(Settings(database_url=f"sqlite+aiosqlite:///{path}")))
    return path


@pytest.fixture
def settings(tmp_path: Path, migrated_database: Path) -> Settings:
    """A fresh database per test: a copy of the migrated file, so no test pays for migrating.

    The app is told not to migrate at start; the tests of migrating at start make their own
    settings (test_migrations.py, test_running.py).
    """
    path = tmp_path / "capstone.sqlite3"
    shutil.copyfile(migrated_database, path)
    return Settings(
        database_url=f"sqlite+aiosqlite:///{path}", jwt_secret=TEST_SECRET, migrate_on_start=False
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[Client]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def sign_up(
    client: Client, username: str = "ada", password: str = "correct horse"
) -> dict[str, str]:
    """Register and log in; return the Authorization header for the new user."""
    registered = client.post("/auth/register", json={"username": username, "password": password})
    assert registered.status_code == 201, registered.text
    token = client.post("/auth/login", json={"username": username, "password": password})
    assert token.status_code == 200, token.text
    return {"Authorization": f"Bearer {token.json()['access_token']}"}


@pytest.fixture
def ada(client: Client) -> dict[str, str]:
    return sign_up(client, "ada")


@pytest.fixture
def bob(client: Client) -> dict[str, str]:
    return sign_up(client, "bob")
