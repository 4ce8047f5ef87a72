"""Crash: SIGKILL the server in the middle of a write load, start it again on the same
database, and check that every write it acknowledged (201 and 200) survived.

python -m reliability.crash [--seconds N] [--clients N] [--database sqlite|postgres|all]

SQLite (one uvicorn worker) and, when it answers, PostgreSQL (two workers; the whole process
group is killed). On SQLite, `PRAGMA integrity_check` must also say `ok`. Requests in flight
when the server died have no answer: each may or may not have happened, and the checks allow
exactly that. Exit code 1 on any violation.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.capstone import Connection, run_async
from reliability.workload import (
    SQLITE,
    WORKERS,
    Client,
    Ledger,
    Server,
    command,
    run_load,
    serve,
    sign_in_users,
    snapshot,
    throwaway_database,
    violations,
)

COMMAND = "python -m reliability.crash"


@dataclass(frozen=True)
class CrashResult:
    database: str
    workers: int
    clients: int
    killed_after: float  # seconds of load before the SIGKILL
    ledger: Ledger  # its creates include the one written after the restart, not its figures
    acknowledged_creates: int  # before the kill
    tasks_stored: int  # after the restart, not counting the one written to prove it writes
    unanswered_stored: int  # creates in flight at the kill that were in fact committed
    restart_seconds: float  # from starting the new server to its first answer
    integrity: str | None  # PRAGMA integrity_check on SQLite; None on PostgreSQL
    violations: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.violations

    def report(self) -> str:
        ledger = self.ledger
        unknown_patches = sum(ledger.unknown_patches.values())
        statuses = ", ".join(f"{status}: {n}" for status, n in sorted(ledger.statuses.items()))
        lines = [
            (
                f"{self.database}, {self.workers} worker(s), {self.clients} clients:"
                f" SIGKILL after {self.killed_after:.1f} s of load ({ledger.requests} answered"
                " requests)"
            ),
            f"  answers before the kill: {statuses}",
            (
                f"  acknowledged: {self.acknowledged_creates} creates,"
                f" {len(ledger.patched)} updates;"
                f" unanswered at the kill: {ledger.unknown_creates} creates"
                f" ({self.unanswered_stored} of them committed), {unknown_patches} updates"
            ),
            (
                f"  restarted in {self.restart_seconds:.2f} s; {self.tasks_stored} tasks stored;"
                f" integrity_check: {self.integrity or 'n/a (PostgreSQL)'}"
            ),
            f"  violations: {len(self.violations)}",
            *(f"    {problem}" for problem in self.violations[:20]),
        ]
        return "\n".join(lines) + "\n"


async def load_then_kill(
    server: Server, users: list[tuple[str, int]], clients: int, kill_after: float, ledger: Ledger
) -> None:
    async def killer() -> None:
        await asyncio.sleep(kill_after)
        server.kill()

    # The clients would run on for 10 times longer: the kill ends them, not their deadline.
    await asyncio.gather(killer(), run_load(server.port, users, clients, kill_after * 10, ledger))


async def confirm_through_api(
    server: Server, users: list[tuple[str, int]], ledger: Ledger
) -> list[str]:
    """The restarted server serves every acknowledged write, and takes a new one."""
    problems = []
    tokens = {owner: token for token, owner in users}
    newest: dict[int, int] = {}
    for patch in ledger.patched:
        newest[patch.task] = max(newest.get(patch.task, 1), patch.version)
    connection = await Connection.open(server.port)
    try:
        for task_id, created in ledger.created.items():
            client = Client(
                -1, server.port, tokens[created.owner], created.owner, hot=[], ledger=Ledger()
            )
            status, answer = await client.exchange(connection, "GET", f"/tasks/{task_id}")
            if status != 200 or answer["title"] != created.title:
                problems.append(f"after restart GET /tasks/{task_id}: {status} {answer}")
            elif answer["version"] < newest.get(task_id, 1):
                problems.append(f"after restart task {task_id} is at v{answer['version']}")
        token, owner = users[0]
        after = Ledger()  # apart: the figures are those of the load before the kill
        await Client(-2, server.port, token, owner, hot=[], ledger=after).create(connection)
        if len(after.created) != 1:
            problems.append(f"the restarted server does not take a new task: {after.unexpected}")
        ledger.created.update(after.created)  # checked against the database with the others
    finally:
        await connection.close()
    return problems


def integrity_check(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return "; ".join(str(row[0]) for row in connection.execute("PRAGMA integrity_check"))


def crash_test(database: str = SQLITE, kill_after: float = 3.0, clients: int = 16) -> CrashResult:
    with throwaway_database(database) as db:
        ledger = Ledger()
        with serve(db) as server:
            users = sign_in_users(server.port)
            run_async(load_then_kill(server, users, clients, kill_after, ledger))
        acknowledged = len(ledger.created)  # before the restarted server's own write
        started = time.perf_counter()
        with serve(db) as server:
            restart_seconds = time.perf_counter() - started
            problems = run_async(confirm_through_api(server, users, ledger))
        found = snapshot(db)
        integrity = None if db.path is None else integrity_check(db.path)
    if integrity not in {None, "ok"}:
        problems.append(f"PRAGMA integrity_check: {integrity}")
    problems += violations(ledger, found)
    stored = len(found.tasks) - 1  # the restarted server's own task
    return CrashResult(
        database=database,
        workers=WORKERS[database],
        clients=clients,
        killed_after=kill_after,
        ledger=ledger,
        acknowledged_creates=acknowledged,
        tasks_stored=stored,
        unanswered_stored=stored - acknowledged,
        restart_seconds=restart_seconds,
        integrity=integrity,
        violations=tuple(problems),
    )


def main(argv: Sequence[str] | None = None) -> int:
    return command(argv, COMMAND, __doc__ or "", (20.0, "load before the SIGKILL"), crash_test)


if __name__ == "__main__":
    raise SystemExit(main())
