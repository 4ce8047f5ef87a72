"""The facts behind the performance choices of #15 (docs/capstone/performance.md), pinned.

- SQLAlchemy's async pool lets a newcomer take a connection ahead of those waiting;
  FairPool gives the places in arrival order, and every request gives its place back.
- A row of VIEW is a TaskOut by position: the columns are the struct's fields, in order.
- A create by INSERT ... RETURNING answers what the unit of work would have stored.
- On SQLite a connection given back is rolled back only when it has a transaction open:
  a read costs one rollback, not two, and a transaction left open is still rolled back.
- A request id is 32 hex digits, new on every request and in every forked worker.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import aiosqlite
import pytest
from litestar.testing import TestClient
from sqlalchemy import Connection, insert
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine
from sqlalchemy.pool import PoolResetState

from capstone.app import create_app
from capstone.config import Settings
from capstone.domain.tasks import VIEW
from capstone.http.middleware import new_request_id
from capstone.http.schemas import TaskOut
from capstone.storage import database
from capstone.storage.database import FairPool
from capstone.storage.models import User
from tests.capstone.conftest import sign_up


async def _arrivals(take: Any, give_back: Any) -> list[str]:
    """A holds the only place and B waits for it; C asks the moment A gives it back."""
    order: list[str] = []
    held = await take()

    async def waiting() -> None:
        got = await take()
        order.append("B")
        await give_back(got)

    second = asyncio.create_task(waiting())
    for _ in range(5):
        await asyncio.sleep(0)  # B is now waiting for the place
    await give_back(held)
    got = await take()  # C: the same task as A, so B has had no chance to run in between
    order.append("C")
    await give_back(got)
    await second
    return order


def test_sqlalchemy_s_pool_lets_a_newcomer_in_ahead_of_a_waiting_request(tmp_path: Path) -> None:
    async def run() -> list[str]:
        url = f"sqlite+aiosqlite:///{tmp_path / 'pool.sqlite3'}"
        engine = create_async_engine(url, pool_size=1, max_overflow=0)

        async def take() -> AsyncConnection:
            return await engine.connect()

        async def give_back(connection: AsyncConnection) -> None:
            await connection.close()

        try:
            return await _arrivals(take, give_back)
        finally:
            await engine.dispose()

    # B waited first, C took the connection: B is back at the end of the queue.
    assert asyncio.run(run()) == ["C", "B"]


def test_the_fair_pool_gives_its_places_in_arrival_order() -> None:
    async def run() -> list[str]:
        pool = FairPool(1)

        async def take() -> dict[str, Any]:
            state: dict[str, Any] = {}
            await pool.enter(state)
            return state

        async def give_back(state: dict[str, Any]) -> None:
            FairPool.leave(state)

        return await _arrivals(take, give_back)

    assert asyncio.run(run()) == ["B", "C"]


@pytest.fixture
def one_place(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient[Any]]:
    """The capstone with a pool of one: a place kept by any request would stall the next."""
    monkeypatch.setattr(database, "POOL_SIZE", 1)
    monkeypatch.setattr(database, "POOL_TIMEOUT", 0.5)
    with TestClient(create_app(settings)) as client:
        yield client


def test_every_kind_of_answer_gives_its_pool_place_back(one_place: TestClient[Any]) -> None:
    client = one_place
    ada = sign_up(client, "ada")
    task = client.post("/tasks", json={"title": "Mine"}, headers=ada).json()
    path = f"/tasks/{task['id']}"
    answers = [
        client.get(path, headers=ada).status_code,
        client.get("/tasks", headers=ada).status_code,
        client.get("/tasks/999", headers=ada).status_code,  # 404, raised in the service
        client.get("/tasks?limit=0", headers=ada).status_code,  # 400, before the service
        client.post("/tasks", json={"title": ""}, headers=ada).status_code,  # 400, the body
        client.patch(path, json={"title": "x"}, headers={**ada, "If-Match": '"7"'}).status_code,
        client.patch(path, json={"title": "x"}, headers=ada).status_code,
        client.delete(path, headers=ada).status_code,
    ]
    assert answers == [200, 200, 404, 400, 400, 412, 200, 204]
    # With a place kept anywhere above, this would wait POOL_TIMEOUT and be a 503.
    for _ in range(3):
        assert client.get("/tasks", headers=ada).status_code == 200
        assert client.post("/tasks", json={"title": "again"}, headers=ada).status_code == 201


def test_a_request_that_waits_longer_than_the_pool_timeout_gets_a_503(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(database, "POOL_TIMEOUT", 0.01)

    async def run() -> int:
        pool = FairPool(1)
        first: dict[str, Any] = {}
        await pool.enter(first)  # keeps the only place
        with pytest.raises(PoolTimeoutError):
            await pool.enter({})
        FairPool.leave(first)
        FairPool.leave(first)  # giving back twice is harmless: the place is gone from it
        again: dict[str, Any] = {}
        await pool.enter(again)
        FairPool.leave(again)
        assert pool.places is not None
        return pool.places._value  # the semaphore's count, as asyncio keeps it

    assert asyncio.run(run()) == 1


def test_a_row_of_the_visible_columns_is_a_task_out_by_position() -> None:
    # TaskOut.of(row) is TaskOut(*row): the columns must be the struct's fields, in order.
    assert [column.key for column in VIEW] == list(TaskOut.__struct_fields__)


@pytest.fixture
def stored_both_ways(settings: Settings) -> list[list[dict[str, Any]]]:
    """The same two creates, by INSERT ... RETURNING and through the unit of work."""
    found = []
    for inserts in (True, False):
        chosen = dataclasses.replace(settings, insert_returning=inserts)
        with TestClient(create_app(chosen)) as client:
            ada = sign_up(client, f"ada{int(inserts)}")
            created = [
                client.post("/tasks", json={"title": "Plain"}, headers=ada).json(),
                client.post(
                    "/tasks",
                    json={
                        "title": "Done",
                        "status": "done",
                        "priority": "high",
                        "due_date": "2030-01-02",
                        "description": "d",
                    },
                    headers=ada,
                ).json(),
            ]
            read = [client.get(f"/tasks/{task['id']}", headers=ada).json() for task in created]
            assert created == read  # what a create answers is what was stored
            assert client.get("/tasks", headers=ada).json()["total"] == 2
            found.append(created)
    return found


def test_an_insert_returning_stores_what_the_unit_of_work_would(
    stored_both_ways: list[list[dict[str, Any]]],
) -> None:
    by_insert, by_unit_of_work = stored_both_ways
    varying = {"id", "created_at", "updated_at", "completed_at"}
    for mine, theirs in zip(by_insert, by_unit_of_work, strict=True):
        assert {k: v for k, v in mine.items() if k not in varying} == {
            k: v for k, v in theirs.items() if k not in varying
        }
        assert mine["version"] == 1
        assert (mine["completed_at"] is None) == (theirs["completed_at"] is None)
        assert mine["created_at"].endswith("Z") or "+00:00" in mine["created_at"]


def test_an_unfiltered_page_carries_the_total_even_past_the_last_task(
    client: TestClient[Any],
) -> None:
    # The total rides on the page's rows (one statement); an empty page asks for it apart.
    ada = sign_up(client, "ada")
    for n in range(3):
        client.post("/tasks", json={"title": f"t{n}"}, headers=ada)
    pages = [
        client.get(f"/tasks?limit=2&offset={offset}", headers=ada).json() for offset in (0, 2, 9)
    ]
    assert [len(page["items"]) for page in pages] == [2, 1, 0]
    assert [page["total"] for page in pages] == [3, 3, 3]
    nobody = sign_up(client, "bob")
    assert client.get("/tasks", headers=nobody).json() == {
        "items": [],
        "limit": 20,
        "offset": 0,
        "total": 0,
    }


def _calls_of_one_read(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, name: str
) -> tuple[int, int]:
    """Trips to aiosqlite's thread for one GET (every call goes through
    `Connection._execute`), and how many of them were rollbacks."""
    with TestClient(create_app(settings)) as client:
        ada = sign_up(client, name)
        task = client.post("/tasks", json={"title": "Mine"}, headers=ada).json()
        calls: list[str] = []
        execute = aiosqlite.Connection._execute

        async def counted(self: aiosqlite.Connection, fn: Any, *args: Any, **kwargs: Any) -> Any:
            calls.append(getattr(fn, "__name__", ""))
            return await execute(self, fn, *args, **kwargs)  # type: ignore[no-untyped-call]

        monkeypatch.setattr(aiosqlite.Connection, "_execute", counted)
        assert client.get(f"/tasks/{task['id']}", headers=ada).status_code == 200
        monkeypatch.setattr(aiosqlite.Connection, "_execute", execute)
        return len(calls), calls.count("rollback")


def test_a_read_on_sqlite_is_rolled_back_once_not_twice(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The session's own rollback as it closes; the pool's reset on return only when needed.
    # The other four trips: a cursor, the query, the fetch, closing the cursor.
    assert _calls_of_one_read(settings, monkeypatch, "ada") == (5, 1)
    lean_off = dataclasses.replace(settings, lean_resets=False)
    assert _calls_of_one_read(lean_off, monkeypatch, "bob") == (6, 2)


def test_a_connection_given_back_inside_a_transaction_is_still_rolled_back(
    settings: Settings,
) -> None:
    engine = database.database_config(settings).get_engine()

    def leave_a_write_open(connection: Connection) -> tuple[bool, bool, int]:
        pooled = connection.engine.raw_connection()  # a second connection, bypassing ours
        driver = pooled.driver_connection
        assert driver is not None
        cursor = pooled.cursor()
        cursor.execute("UPDATE user_account SET task_count = 99")  # begins a transaction
        cursor.close()
        was_open = driver.in_transaction
        pooled.close()  # back to the pool with the UPDATE neither committed nor rolled back
        return (
            was_open,
            driver.in_transaction,
            connection.exec_driver_sql(
                "SELECT count(*) FROM user_account WHERE task_count = 99"
            ).scalar_one(),
        )

    async def run() -> tuple[bool, bool, int]:
        try:
            async with engine.connect() as connection:
                await connection.execute(
                    insert(User).values(username="ada", password_hash="", task_count=0)
                )
                await connection.commit()
                return await connection.run_sync(leave_a_write_open)
        finally:
            await engine.dispose()

    was_open, still_open, changed = asyncio.run(run())
    assert was_open
    assert not still_open  # roll_back_if_open saw the transaction and rolled it back
    assert changed == 0


@pytest.mark.parametrize(
    ("terminate_only", "asyncio_safe"), [(True, True), (False, False)], ids=["closing", "no-loop"]
)
def test_a_connection_the_pool_is_discarding_is_not_rolled_back_first(
    terminate_only: bool, asyncio_safe: bool
) -> None:
    # Closing it ends its transaction anyway, and outside the event loop nothing may await.
    calls: list[str] = []
    driver = SimpleNamespace(in_transaction=True)
    adapted = SimpleNamespace(rollback=lambda: calls.append("rollback"))
    state = PoolResetState(
        transaction_was_reset=False, terminate_only=terminate_only, asyncio_safe=asyncio_safe
    )
    database.roll_back_if_open(adapted, SimpleNamespace(driver_connection=driver), state)  # type: ignore[arg-type]
    assert calls == []
    safe = PoolResetState(transaction_was_reset=False, terminate_only=False, asyncio_safe=True)
    database.roll_back_if_open(adapted, SimpleNamespace(driver_connection=driver), safe)  # type: ignore[arg-type]
    assert calls == ["rollback"]  # the same connection, given back normally


def test_a_request_id_is_new_each_time_and_in_every_forked_worker() -> None:
    ids = {new_request_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(re.fullmatch("[0-9a-f]{32}", found) for found in ids)
    # Seeding the random module, as a test or a library may, does not repeat an id.
    random.seed(15)
    first = new_request_id()
    random.seed(15)
    assert new_request_id() != first
    if sys.platform == "win32":  # pragma: no cover - no fork there
        return
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child process reports through the pipe
        os.write(write, new_request_id().encode())
        os._exit(0)
    os.close(write)
    from_child = os.read(read, 64).decode()
    os.close(read)
    os.waitpid(child, 0)
    # Without the reseed at fork, the child would make the parent's next id.
    assert from_child != new_request_id()
