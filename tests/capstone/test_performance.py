"""What the performance choices keep, and the one thing they change (docs/capstone/performance.md).

- Task routes trust the id in the token (no SELECT of the user): a token of an account that
  no longer exists, or never did, still signs in, finds nothing, and can write nothing.
- Reads skip the transaction on PostgreSQL; writes on SQLite queue for one lock.
- Each switch off (only the benchmark does that) still gives a working API.
- The paths that need no token are anchored.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from litestar import get
from litestar.middleware._utils import build_exclude_path_pattern
from litestar.testing import TestClient
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from capstone.app import create_app
from capstone.config import Settings
from capstone.http import auth
from capstone.http.auth import PUBLIC_PATHS
from capstone.storage import database
from capstone.storage.database import SingleWriter
from tests.capstone.conftest import Client, sign_up, signed
from tests.services import isolated_postgres_database

GONE = {"status": 401, "title": "Unauthorized", "detail": "This account no longer exists"}


def rows(settings: Settings) -> list[tuple[Any, ...]]:
    path = settings.database_url.removeprefix("sqlite+aiosqlite:///")
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT id, owner_id, title, version FROM task").fetchall()


def delete_account(settings: Settings, username: str) -> None:
    """As an administrator would, in SQL: the account's tasks go with it (ON DELETE CASCADE)."""
    path = settings.database_url.removeprefix("sqlite+aiosqlite:///")
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("DELETE FROM user_account WHERE username = ?", (username,))


@pytest.fixture
def gone(client: Client, settings: Settings) -> tuple[dict[str, str], int, int]:
    """Ada's token after her account was deleted; the id of her task; Bob's task's id."""
    ada = sign_up(client, "ada")
    bob = sign_up(client, "bob")
    mine = client.post("/tasks", json={"title": "Ada's"}, headers=ada).json()["id"]
    theirs = client.post("/tasks", json={"title": "Bob's"}, headers=bob).json()["id"]
    delete_account(settings, "ada")
    return ada, mine, theirs


def test_a_deleted_accounts_token_finds_nothing_and_writes_nothing(
    client: Client, settings: Settings, gone: tuple[dict[str, str], int, int]
) -> None:
    ada, mine, theirs = gone
    before = rows(settings)
    assert [title for _, _, title, _ in before] == ["Bob's"]  # hers went with her

    listed = client.get("/tasks", headers=ada)
    assert listed.status_code == 200
    assert listed.json() == {"items": [], "limit": 20, "offset": 0, "total": 0}
    for task_id in (mine, theirs):  # neither her old task nor anybody else's
        assert client.get(f"/tasks/{task_id}", headers=ada).status_code == 404
        assert (
            client.patch(f"/tasks/{task_id}", json={"title": "x"}, headers=ada).status_code == 404
        )
        assert client.delete(f"/tasks/{task_id}", headers=ada).status_code == 404
    created = client.post("/tasks", json={"title": "Orphan"}, headers=ada)
    assert (created.status_code, created.json()) == (401, {**GONE, "fields": []})
    keyed = client.post("/tasks", json={"title": "Orphan"}, headers={**ada, "Idempotency-Key": "k"})
    assert keyed.status_code == 401
    me = client.get("/me", headers=ada)
    assert (me.status_code, me.json()["detail"]) == (401, "This account no longer exists")

    assert rows(settings) == before


def test_a_token_of_an_id_never_issued_finds_nothing_either(client: Client) -> None:
    # Only a holder of the secret could sign one (the secret is the boundary either way).
    stranger = {"Authorization": f"Bearer {signed({'sub': '42'})}"}
    assert client.get("/tasks", headers=stranger).json()["items"] == []
    assert client.post("/tasks", json={"title": "x"}, headers=stranger).status_code == 401
    assert client.get("/me", headers=stranger).status_code == 401


@pytest.fixture
def before(settings: Settings) -> Iterator[tuple[Client, Settings]]:
    """The capstone with every performance switch off, as the benchmark's "before" runs it."""
    switches = ["token_identity", "checked_tokens", "reads_autocommit", "rows_for_reads"]
    switches += ["insert_returning", "lean_sessions", "fixed_pool", "fair_pool", "single_writer"]
    off: Any = dataclasses.replace(settings, **dict.fromkeys(switches, False))  # type: ignore[arg-type]
    with TestClient(create_app(off)) as test_client:
        yield test_client, off


def test_with_the_switches_off_a_deleted_account_is_401_everywhere(
    before: tuple[Client, Settings],
) -> None:
    client, settings = before
    ada = sign_up(client, "ada")
    task = client.post("/tasks", json={"title": "Mine"}, headers=ada)
    assert task.status_code == 201
    assert client.get("/me", headers=ada).json()["username"] == "ada"
    assert client.get(f"/tasks/{task.json()['id']}", headers=ada).status_code == 200
    assert client.get("/tasks", headers=ada).json()["total"] == 1
    token = ada["Authorization"].removeprefix("Bearer ")
    with client.websocket_connect(f"/events/ws?token={token}") as socket:
        socket.send_text("hello")  # looked up, then the session given back at once

    delete_account(settings, "ada")

    for method, path in [("GET", "/tasks"), ("POST", "/tasks"), ("GET", "/me")]:
        response = client.request(method, path, headers=ada, json={"title": "x"})
        assert (response.status_code, response.json()["detail"]) == (401, "Unauthorized")


def test_autocommit_reads_see_what_is_committed_on_postgresql(settings: Settings) -> None:
    with isolated_postgres_database() as url:
        on_postgres = dataclasses.replace(settings, database_url=url, migrate_on_start=True)
        with TestClient(create_app(on_postgres)) as client:
            ada = sign_up(client, "ada")
            created = client.post("/tasks", json={"title": "Mine"}, headers=ada).json()
            # The SELECTs of a GET each see what is committed: here, the task just created.
            assert client.get(f"/tasks/{created['id']}", headers=ada).json() == created
            assert client.get("/tasks", headers=ada).json()["total"] == 1


def test_a_writer_that_waits_longer_than_the_pool_timeout_gets_a_503(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(database, "POOL_TIMEOUT", 0.01)

    async def second_writer() -> None:
        writer = SingleWriter(enabled=True)
        first: dict[str, Any] = {}
        await writer.enter(first)  # holds the turn, and never commits
        with pytest.raises(PoolTimeoutError):
            await writer.enter({})
        SingleWriter.leave(first)
        second: dict[str, Any] = {}
        await writer.enter(second)  # the next turn, once the first has left
        SingleWriter.leave(second)
        SingleWriter.leave(second)  # leaving twice is harmless: the turn is gone from it

    asyncio.run(second_writer())


def test_concurrent_creates_on_sqlite_all_land(settings: Settings) -> None:
    # Every acknowledged write is there, and none was refused with "database is locked".
    with TestClient(create_app(settings)) as client:
        ada = sign_up(client, "ada")

        async def burst() -> list[int]:
            import httpx  # noqa: PLC0415

            transport = httpx.ASGITransport(app=client.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
                answers = await asyncio.gather(
                    *(http.post("/tasks", json={"title": f"t{n}"}, headers=ada) for n in range(20))
                )
            return [answer.status_code for answer in answers]

        with client.portal() as portal:
            assert portal.call(burst) == [201] * 20
        assert client.get("/tasks", headers=ada).json()["total"] == 20
        assert len(rows(settings)) == 20


def test_a_kept_token_is_checked_again_once_it_has_expired(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(auth, "_CHECKED", {})
    monkeypatch.setattr(auth, "MAX_CHECKED_TOKENS", 2)
    ada = sign_up(client, "ada")
    user_id = client.get("/me", headers=ada).json()["id"]
    with time_machine.travel(datetime.now(UTC), tick=False) as clock:
        soon = {
            "Authorization": f"Bearer {signed({'sub': str(user_id), 'exp': int(time.time()) + 60})}"
        }
        assert client.get("/tasks", headers=soon).status_code == 200  # checked, then kept
        assert client.get("/tasks", headers=soon).status_code == 200  # kept
        clock.shift(120)
        expired = client.get("/tasks", headers=soon)
        assert (expired.status_code, expired.json()["detail"]) == (401, "Invalid token")
    # A full cache starts again: it never holds more than MAX_CHECKED_TOKENS.
    for n in range(3):
        other = {"Authorization": f"Bearer {signed({'sub': str(user_id), 'jti': str(n)})}"}
        assert client.get("/tasks", headers=other).status_code == 200
    assert len(auth._CHECKED) <= 2  # the cache itself is what is checked


@pytest.mark.parametrize(
    ("path", "public"),
    [
        ("/health", True),
        ("/ready", True),
        ("/auth/login", True),
        ("/schema", True),
        ("/schema/swagger", True),
        ("/x/health", False),
        ("/healthz-anything", False),
        ("/readyz", False),
        ("/tasks/auth/", False),
        ("/schemas", False),
    ],
)
def test_only_the_public_paths_skip_the_token(path: str, public: bool) -> None:
    pattern = build_exclude_path_pattern(exclude=PUBLIC_PATHS)
    assert pattern is not None
    assert bool(pattern.findall(path)) is public
    # The mistake: unanchored, as Litestar searches them, they matched anywhere in a path.
    unanchored = re.compile("/auth/|/health|/ready|/schema")
    if path in {"/x/health", "/healthz-anything", "/readyz", "/tasks/auth/", "/schemas"}:
        assert unanchored.findall(path)


def test_a_route_whose_path_contains_a_public_one_still_needs_a_token(
    settings: Settings,
) -> None:
    @get("/x/health")
    async def lookalike() -> dict[str, str]:
        return {"secret": "only for signed-in users"}

    app = create_app(settings)
    app.register(lookalike)
    with TestClient(app) as client:
        assert client.get("/x/health").status_code == 401
        assert client.get("/health").status_code == 200
