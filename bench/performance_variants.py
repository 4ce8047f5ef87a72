"""What the performance benchmark measures (bench/performance.py): its settings, the variants
it serves, and what one run of one variant measured, summarised over rounds."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from bench.capstone import percentile
from bench.served import SWITCHES

LIST, GET, POST = "list", "get", "create"
ENDPOINTS = (LIST, GET, POST)
SQLITE, POSTGRESQL = "SQLite", "PostgreSQL"
BASELINE_APP, CAPSTONE_APP = "bench.baseline:create_app", "bench.served:create_app"
BASELINE, BEFORE = "baseline (the limit)", "before"
# The last commit before the first change for #15: its schema is today's, so it serves the
# same seeded database.
ISSUE_COMMIT = "298aedf"
FILED = f"#15 filed · {ISSUE_COMMIT}"


@dataclass(frozen=True)
class Settings:
    rounds: int = 2
    warmup: float = 0.5  # seconds of load before each measured run, not recorded
    seconds: float = 2.5  # measured seconds per (round, variant, endpoint)
    concurrency: int = 32  # keep-alive connections, one request in flight each
    users: int = 10
    tasks: int = 1_000  # per user
    page: int = 50  # tasks per listing
    ids: int = 20  # tasks per user that GET asks for in turn


QUICK = Settings(
    rounds=1, warmup=0.05, seconds=0.25, concurrency=4, users=2, tasks=8, page=5, ids=3
)


@dataclass(frozen=True)
class Variant:
    name: str
    app: str = CAPSTONE_APP
    off: tuple[str, ...] = ()  # performance switches turned off (bench/served.py)
    server: str = "uvicorn"
    workers: int = 1
    commit: str | None = None  # serve the capstone of this commit instead of today's


def switches_for(database: str) -> tuple[str, ...]:
    """The switches that change anything on this database (the others are no-ops there)."""
    skipped = {"reads_autocommit"} if database == SQLITE else {"single_writer", "lean_resets"}
    return tuple(switch for switch in SWITCHES if switch not in skipped)


def variants_for(database: str) -> list[Variant]:
    switches = switches_for(database)
    steps = [
        Variant(BASELINE, app=BASELINE_APP),
        Variant(FILED, commit=ISSUE_COMMIT),
        Variant(BEFORE, off=switches),
    ]
    steps += [Variant(f"+ {name}", off=switches[i + 1 :]) for i, name in enumerate(switches)]
    return [
        *steps,
        Variant("after · uvicorn x2", workers=2),
        Variant("after · granian x1", server="granian"),
        Variant("after · granian x2", server="granian", workers=2),
    ]


AFTER_INDEX = -4  # in variants_for: the last switch turned on is the capstone as it ships


# --- what one run measured ------------------------------------------------------------------


@dataclass(frozen=True)
class Load:
    latencies: tuple[float, ...]  # seconds, every answer, expected or not
    errors: int  # answers with another status than the expected one
    error_sample: str  # the first of them
    seconds: float
    cpu: float | None  # CPU seconds the server (all its processes) used
    connections: int  # database connections it opened

    @property
    def requests(self) -> int:
        return len(self.latencies)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    @property
    def cpu_per_request(self) -> float | None:
        return None if self.cpu is None else self.cpu / self.requests

    @property
    def connections_per_1000(self) -> float:
        return self.connections * 1000 / self.requests


@dataclass(frozen=True)
class Run:
    database: str
    variant: str
    endpoint: str
    round: int
    load: Load


@dataclass(frozen=True)
class Summary:
    """One (database, variant, endpoint): medians over rounds."""

    rps: float
    p50: float
    p99: float
    cpu_per_request: float | None
    connections_per_1000: float
    errors: int  # summed over rounds
    error_sample: str = ""


def summarise(runs: Sequence[Run]) -> dict[tuple[str, str, str], Summary]:
    grouped: dict[tuple[str, str, str], list[Load]] = {}
    for run in runs:
        grouped.setdefault((run.database, run.variant, run.endpoint), []).append(run.load)
    summaries = {}
    for key, loads in grouped.items():
        cpus = [c for load in loads if (c := load.cpu_per_request) is not None]
        summaries[key] = Summary(
            rps=statistics.median(load.rps for load in loads),
            p50=statistics.median(percentile(load.latencies, 50) for load in loads),
            p99=statistics.median(percentile(load.latencies, 99) for load in loads),
            cpu_per_request=statistics.median(cpus) if cpus else None,
            connections_per_1000=statistics.median(load.connections_per_1000 for load in loads),
            errors=sum(load.errors for load in loads),
            error_sample=next((load.error_sample for load in loads if load.errors), ""),
        )
    return summaries
