"""Load: many clients create, read and update tasks (with If-Match) on a real server for a
fixed time; then every acknowledged write is checked against the database itself.

python -m reliability.load [--seconds N] [--clients N] [--database sqlite|postgres|all]

SQLite is served by one uvicorn worker, PostgreSQL (a throwaway database) by two; `all`
(the default) runs both, PostgreSQL only when it answers. Loopback only, bounded in time and
connections. Exit code 1 on any violation: a 5xx, an
acknowledged task missing or stored twice, an acknowledged update lost, a task counter that
disagrees with the tasks, or an answer outside the API's contract.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bench.capstone import percentile, run_async
from reliability.workload import (
    SQLITE,
    WORKERS,
    Ledger,
    command,
    run_load,
    serve,
    sign_in_users,
    snapshot,
    throwaway_database,
    violations,
)

COMMAND = "python -m reliability.load"
MAX_CLIENTS = 256  # bounded: one connection each, on loopback


@dataclass(frozen=True)
class LoadResult:
    database: str
    workers: int
    clients: int
    ledger: Ledger
    tasks_stored: int
    violations: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.violations

    @property
    def throughput(self) -> float:
        return self.ledger.requests / self.ledger.seconds

    def report(self) -> str:
        ledger = self.ledger
        statuses = ", ".join(f"{status}: {n}" for status, n in sorted(ledger.statuses.items()))
        lines = [
            (
                f"{self.database}, {self.workers} worker(s), {self.clients} clients,"
                f" {ledger.seconds:.1f} s: {ledger.requests} requests,"
                f" {self.throughput:,.0f} req/s, p50 {percentile(ledger.latencies, 50) * 1e3:.2f}"
                f" ms, p99 {percentile(ledger.latencies, 99) * 1e3:.2f} ms"
            ),
            f"  answers: {statuses}",
            (
                f"  acknowledged: {len(ledger.created)} creates, {len(ledger.patched)} updates;"
                f" {self.tasks_stored} tasks stored"
            ),
            f"  violations: {len(self.violations)}",
            *(f"    {problem}" for problem in self.violations[:20]),
        ]
        return "\n".join(lines) + "\n"


def load_test(database: str = SQLITE, seconds: float = 5.0, clients: int = 16) -> LoadResult:
    """Serve the capstone on a throwaway database, load it, then check it."""
    if not 1 <= clients <= MAX_CLIENTS:
        raise ValueError(f"clients must be between 1 and {MAX_CLIENTS}, not {clients}")
    with throwaway_database(database) as db:
        ledger = Ledger()
        with serve(db) as server:
            users = sign_in_users(server.port)
            run_async(run_load(server.port, users, clients, seconds, ledger))
        found = snapshot(db)
    return LoadResult(
        database=database,
        workers=WORKERS[database],
        clients=clients,
        ledger=ledger,
        tasks_stored=len(found.tasks),
        violations=tuple(violations(ledger, found)),
    )


def main(argv: Sequence[str] | None = None) -> int:
    return command(argv, COMMAND, __doc__ or "", (60.0, "how long to load"), load_test)


if __name__ == "__main__":
    raise SystemExit(main())
