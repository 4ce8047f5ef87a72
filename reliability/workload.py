"""What the load and crash tests share: the capstone served on a database of its own, a mixed
write load that records every write the server acknowledged, and the check of the database
against that record.

The HTTP client, the percentile and the sign-in come from the benchmark (bench/capstone.py).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.ext.asyncio import create_async_engine

from bench.capstone import Connection, http_request, server_pid, sign_in, uvicorn_command
from capstone.storage.models import Task, User
from lessons.manifest import ROOT
from tests.servers import free_port, serving
from tests.services import (
    isolated_postgres_database,
    postgres_problem,
    postgres_url,
    services_required,
)

SQLITE, POSTGRES, ALL = "sqlite", "postgres", "all"
WORKERS = {SQLITE: 1, POSTGRES: 2}  # SQLite has one writer anyway; PostgreSQL scales out
USERS = 4  # clients are spread over this many accounts
HOT_TASKS = 5  # updates pick among a user's newest tasks, so that clients collide
STATUSES = ("pending", "in_progress", "done")


class ServerGoneError(Exception):
    """The connection broke before an answer came: the outcome of the request is unknown."""


class Result(Protocol):
    @property
    def ok(self) -> bool: ...

    def report(self) -> str: ...


def run_each(choice: str, run: Callable[[str], Result]) -> int:
    """Run on SQLITE, POSTGRES or ALL (PostgreSQL only when it answers, unless
    REQUIRE_SERVICES=1 as in tests/services.py); print each report. The exit code: 0 when
    every run held, 1 otherwise or when a required PostgreSQL does not answer."""
    failed = False
    for kind in [SQLITE, POSTGRES] if choice == ALL else [choice]:
        if kind == POSTGRES and (problem := postgres_problem(postgres_url())) is not None:
            sys.stdout.write(f"postgres: not run, it does not answer: {problem}\n")
            failed = failed or choice == POSTGRES or services_required()
            continue
        result = run(kind)
        sys.stdout.write(result.report())
        sys.stdout.flush()
        failed = failed or not result.ok
    return 1 if failed else 0


def command(
    argv: Sequence[str] | None,
    prog: str,
    doc: str,
    seconds: tuple[float, str],
    run: Callable[[str, float, int], Result],
) -> int:
    """The command line both tests take: --seconds, --clients and --database."""
    parser = argparse.ArgumentParser(prog=prog, description=doc.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=seconds[0], help=seconds[1])
    parser.add_argument("--clients", type=int, default=32, help="concurrent connections")
    parser.add_argument("--database", choices=[SQLITE, POSTGRES, ALL], default=ALL)
    args = parser.parse_args(argv)
    return run_each(args.database, lambda kind: run(kind, args.seconds, args.clients))


@dataclass(frozen=True)
class Database:
    kind: str  # SQLITE or POSTGRES
    url: str  # a SQLAlchemy URL with an async driver, as the capstone takes it
    path: Path | None = None  # the SQLite file


@contextlib.contextmanager
def throwaway_database(kind: str) -> Iterator[Database]:
    """A new, empty database: a SQLite file in a temporary folder, or a PostgreSQL database."""
    if kind == SQLITE:
        with tempfile.TemporaryDirectory(prefix="capstone-reliability-") as directory:
            path = Path(directory) / "capstone.sqlite3"
            yield Database(kind, f"sqlite+aiosqlite:///{path}", path)
    else:
        with isolated_postgres_database() as url:
            yield Database(kind, url)


@dataclass(frozen=True)
class Server:
    port: int
    pid: int  # the uvicorn process, leader of its own process group (tests/servers.py)

    def kill(self) -> None:
        """SIGKILL the server and its workers: no shutdown, no cleanup, mid-request."""
        os.killpg(self.pid, signal.SIGKILL)


def server_env(database: Database) -> dict[str, str]:
    return {
        "DATABASE_URL": database.url,
        "MIGRATE_ON_START": "0",  # migrated once, before the workers start
        "APP_ENV": "development",
        "REDIS_URL": "",  # events stay in each process: not what is tested here
        "LOGIN_RATE_LIMIT": "100/minute",  # the sign-ins of a run come from one address
    }


def migrate(database: Database) -> None:
    """`python -m capstone migrate`, in a process of its own (no engine left in this one)."""
    subprocess.run(
        [sys.executable, "-m", "capstone", "migrate"],
        cwd=ROOT,
        env={**os.environ, **server_env(database)},
        check=True,
        capture_output=True,
    )


@contextlib.contextmanager
def serve(database: Database) -> Iterator[Server]:
    """The capstone under uvicorn on `database` (migrated first); stopped afterwards."""
    migrate(database)
    port = free_port()
    command = uvicorn_command("capstone.app:create_app", port)
    command[command.index("--workers") + 1] = str(WORKERS[database.kind])
    with serving(command, port, ready_path="/health", env=server_env(database)):
        pid = server_pid(port)
        if pid is None:  # pragma: no cover - Linux has /proc
            raise RuntimeError("cannot find the server process")
        yield Server(port, pid)


def sign_in_users(port: int, count: int = USERS) -> list[tuple[str, int]]:
    """Register `count` accounts; their tokens and ids."""
    return [sign_in(port, f"user{number}") for number in range(count)]


# --- the record of what the server acknowledged ------------------------------------------------


@dataclass(frozen=True)
class Created:
    owner: int
    title: str


@dataclass(frozen=True)
class Patched:
    task: int
    version: int  # the version the 200 answered with
    description: str


@dataclass
class Ledger:
    """Every answer, and every write the server acknowledged or may have made."""

    created: dict[int, Created] = field(default_factory=dict)  # task id -> what was created
    patched: list[Patched] = field(default_factory=list)
    unknown_creates: int = 0  # sent, connection broken before the answer
    unknown_patches: Counter[int] = field(default_factory=Counter)  # task id -> how many
    statuses: Counter[int] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)  # seconds, answered requests only
    unexpected: list[str] = field(default_factory=list)  # answers outside the contract
    seconds: float = 0.0  # how long the load ran

    @property
    def requests(self) -> int:
        return len(self.latencies)

    @property
    def server_errors(self) -> int:
        return sum(count for status, count in self.statuses.items() if status >= 500)


class Client:
    """One keep-alive connection of one user: creates, reads and updates (with If-Match)."""

    def __init__(
        self, number: int, port: int, token: str, owner: int, *, hot: list[int], ledger: Ledger
    ) -> None:
        self.number, self.port, self.token, self.owner = number, port, token, owner
        self.hot = hot  # the user's newest task ids, shared by the user's clients
        self.ledger = ledger
        self.random = random.Random(number)  # noqa: S311 - a workload, not a secret
        self.sequence = 0

    async def run(self, deadline: float) -> None:
        connection = await Connection.open(self.port)
        try:
            while time.perf_counter() < deadline:
                self.sequence += 1
                choice = self.random.random()
                if len(self.hot) < HOT_TASKS or choice < 0.3:
                    await self.create(connection)
                elif choice < 0.5:
                    await self.read(connection, self.random.choice(self.hot))
                else:
                    await self.update(connection, self.random.choice(self.hot))
        except ServerGoneError:
            return
        finally:
            await connection.close()

    async def exchange(
        self, connection: Connection, method: str, path: str, body: Any = None, **headers: str
    ) -> tuple[int, Any]:
        request = http_request(
            method, path, self.port, self.token, None if body is None else json.dumps(body)
        )
        for name, value in headers.items():  # after the request line
            request = request.replace(b"\r\n", f"\r\n{name}: {value}\r\n".encode(), 1)
        start = time.perf_counter()
        try:
            status, answer = await connection.send(request)
        except (OSError, asyncio.IncompleteReadError) as error:
            raise ServerGoneError(f"{method} {path}") from error
        self.ledger.latencies.append(time.perf_counter() - start)
        self.ledger.statuses[status] += 1
        return status, json.loads(answer) if answer else None

    def unexpected(self, what: str, status: int, answer: Any) -> None:
        self.ledger.unexpected.append(f"{what}: {status} {json.dumps(answer)[:300]}")

    async def create(self, connection: Connection) -> None:
        title = f"c{self.number}-{self.sequence}"
        try:
            status, answer = await self.exchange(connection, "POST", "/tasks", {"title": title})
        except ServerGoneError:
            self.ledger.unknown_creates += 1
            raise
        if status != 201:
            self.unexpected(f"POST /tasks {title}", status, answer)
            return
        self.ledger.created[answer["id"]] = Created(self.owner, title)
        self.hot.append(answer["id"])
        del self.hot[:-HOT_TASKS]

    async def read(self, connection: Connection, task_id: int) -> int | None:
        status, answer = await self.exchange(connection, "GET", f"/tasks/{task_id}")
        if status != 200:
            self.unexpected(f"GET /tasks/{task_id}", status, answer)
            return None
        return int(answer["version"])

    async def update(self, connection: Connection, task_id: int) -> None:
        version = await self.read(connection, task_id)
        if version is None:
            return
        description = f"c{self.number}-{self.sequence} on v{version}"
        changes = {"description": description, "status": self.random.choice(STATUSES)}
        path = f"/tasks/{task_id}"
        try:
            status, answer = await self.exchange(
                connection, "PATCH", path, changes, **{"If-Match": f'"{version}"'}
            )
        except ServerGoneError:
            self.ledger.unknown_patches[task_id] += 1
            raise
        if status == 200 and answer["version"] == version + 1:
            self.ledger.patched.append(Patched(task_id, answer["version"], description))
        elif status != 412 or answer["current"]["version"] <= version:
            # A 412 must show a newer version than the one it refused.
            self.unexpected(f"PATCH {path} If-Match v{version}", status, answer)


async def run_load(
    port: int,
    users: Sequence[tuple[str, int]],
    clients: int,
    seconds: float,
    ledger: Ledger,
) -> None:
    """`clients` connections, spread over `users`, for `seconds` (a closed loop)."""
    hot: dict[int, list[int]] = {owner: [] for _, owner in users}
    team = []
    for number in range(clients):
        token, owner = users[number % len(users)]
        team.append(Client(number, port, token, owner, hot=hot[owner], ledger=ledger))
    start = time.perf_counter()
    await asyncio.gather(*(client.run(start + seconds) for client in team))
    ledger.seconds = time.perf_counter() - start


# --- the check of the database against the record ----------------------------------------------


@dataclass(frozen=True)
class Row:
    owner: int
    title: str
    description: str
    version: int


@dataclass(frozen=True)
class Snapshot:
    tasks: dict[int, Row]
    task_counts: dict[int, int]  # user id -> the counter the listing shows


def snapshot(database: Database) -> Snapshot:
    """Every task and every user's task counter, read straight from the database."""

    async def read() -> Snapshot:
        engine = create_async_engine(database.url)
        try:
            async with engine.connect() as connection:
                tasks = await connection.execute(
                    select(Task.id, Task.owner_id, Task.title, Task.description, Task.version)
                )
                counts = await connection.execute(select(User.id, User.task_count))
                return Snapshot(
                    {row[0]: Row(*row[1:]) for row in tasks},
                    dict(counts.all()),
                )
        finally:
            await engine.dispose()

    return asyncio.run(read())


def violations(ledger: Ledger, found: Snapshot) -> list[str]:
    """Every way the database disagrees with what the server acknowledged.

    A write whose answer never came (the server died) may or may not have happened; the
    checks allow for exactly those, and no more.
    """
    problems = list(ledger.unexpected)
    if ledger.server_errors:
        problems.append(f"{ledger.server_errors} answers were 5xx: {dict(ledger.statuses)}")
    titles = Counter(row.title for row in found.tasks.values())
    for task_id, created in ledger.created.items():
        row = found.tasks.get(task_id)
        if row is None or (row.owner, row.title) != (created.owner, created.title):
            problems.append(f"acknowledged task {task_id} {created} is {row}")
        elif titles[created.title] != 1:
            problems.append(f"task {created.title!r} is stored {titles[created.title]} times")
    unacknowledged = len(found.tasks) - len(ledger.created)
    if not 0 <= unacknowledged <= ledger.unknown_creates:
        problems.append(
            f"{len(found.tasks)} tasks stored, {len(ledger.created)} acknowledged"
            f" and {ledger.unknown_creates} unanswered"
        )
    problems += _lost_updates(ledger, found)
    for owner, count in found.task_counts.items():
        actual = sum(1 for row in found.tasks.values() if row.owner == owner)
        if count != actual:
            problems.append(f"user {owner}: task_count {count}, {actual} tasks stored")
    return problems


def _lost_updates(ledger: Ledger, found: Snapshot) -> list[str]:
    """Each acknowledged PATCH made one version; the final row is the newest of them."""
    problems = []
    by_task: dict[int, list[Patched]] = {}
    for patch in ledger.patched:
        by_task.setdefault(patch.task, []).append(patch)
    for task_id, patches in by_task.items():
        versions = sorted(patch.version for patch in patches)
        if len(set(versions)) != len(versions):
            problems.append(f"task {task_id}: two PATCHes acknowledged one version: {versions}")
        row = found.tasks.get(task_id)
        if row is None:
            continue  # reported with the creates
        newest = max(patches, key=lambda patch: patch.version)
        unknown = ledger.unknown_patches[task_id]
        if not newest.version <= row.version <= 1 + len(patches) + unknown:
            problems.append(
                f"task {task_id}: version {row.version} after {len(patches)} acknowledged"
                f" PATCHes (newest v{newest.version}) and {unknown} unanswered"
            )
        elif row.version == newest.version and row.description != newest.description:
            problems.append(f"task {task_id}: {row.description!r}, not {newest.description!r}")
    for task_id, row in found.tasks.items():
        unknown = ledger.unknown_patches[task_id]
        if task_id in ledger.created and task_id not in by_task and not row.version <= 1 + unknown:
            problems.append(f"task {task_id}: version {row.version}, no PATCH acknowledged")
    return problems
