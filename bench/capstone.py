"""The capstone under load, as ratios against lesson 12's in-memory API, and its list at scale.

python -m bench.capstone [--quick] [--output FILE]

1. A/B: both APIs served by uvicorn (one worker, loopback, a fresh server and a fresh SQLite
   file every round, the order alternating), each endpoint loaded by `concurrency` keep-alive
   connections for a fixed time. Medians of the rounds; the capstone as a ratio of lesson 12.
2. Scaling: the capstone's `GET /tasks?limit=50` for a user with 1,000 tasks and one with
   100,000 (one database), timed one request at a time; the ratio of the p50s. The queries it
   runs are then timed inside SQLite and explained (EXPLAIN QUERY PLAN).

The load comes from a small asyncio HTTP/1.1 client (below), not httpx: httpx costs more CPU
per request than the server does, so the client, not the server, would set the pace.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from importlib.metadata import version
from pathlib import Path
from typing import Any, TypeVar

import httpx
from sqlalchemy import create_engine, insert, select
from sqlalchemy.orm import Session

from bench import TASKS_VARIABLE
from capstone.domain.values import PRIORITY_RANK, Priority, Status
from capstone.storage.models import Task
from lessons.manifest import ROOT
from tests.servers import free_port, serving

COMMAND = "python -m bench.capstone"
OUTPUT = ROOT / "docs" / "assets" / "capstone-benchmark.txt"
CAPSTONE, LESSON12 = "capstone", "lesson 12"
LIST, GET, POST = "GET /tasks", "GET /tasks/{id}", "POST /tasks"
NEW_TASK = json.dumps({"title": "Benchmark", "description": "A new task", "priority": "high"})
PASSWORD = "benchmark password"  # noqa: S105 - a throwaway account in a throwaway database
# The fields both APIs put in a task; the capstone adds due_date, updated_at and version.
COMMON_FIELDS = (
    "id",
    "title",
    "description",
    "priority",
    "status",
    "created_at",
    "completed_at",
)
SEED_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
TARGET_SCALING = 1.5  # the list at 100k tasks may be at most this much slower than at 1k

T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    rounds: int = 3  # A/B rounds, each with fresh servers
    warmup: float = 1.0  # seconds of load before each measured run, not recorded
    seconds: float = 3.0  # measured seconds per (round, app, endpoint)
    # Connections, each with one request in flight. More makes the client, not the server,
    # the bottleneck on two cores (32 left lesson 12's server idle a quarter of the time).
    concurrency: int = 16
    page: int = 50  # tasks per list (lesson 12 holds exactly this many)
    small: int = 1_000  # tasks of the first user in the scaling test
    large: int = 100_000  # tasks of the second
    sequential: int = 300  # requests per user per scaling round
    scaling_rounds: int = 5


# A smoke run: proves every path works in seconds; its numbers mean nothing.
QUICK = Settings(
    rounds=1,
    warmup=0.1,
    seconds=0.3,
    concurrency=4,
    page=5,
    small=20,
    large=200,
    sequential=20,
    scaling_rounds=2,
)


# --- statistics -----------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), interpolating between the two nearest ranks."""
    if not values:
        raise ValueError("no values")
    if not 0 <= q <= 100:
        raise ValueError(f"q must be between 0 and 100, not {q}")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True)
class Load:
    """One measured run: every request's latency, the wall time, and who used the CPU."""

    latencies: tuple[float, ...]  # seconds
    seconds: float
    server_cpu: float | None  # cores the server used (None: not measurable here)
    client_cpu: float  # cores this process used
    sample: bytes  # the first answer of the first connection

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.seconds

    @property
    def p50(self) -> float:
        return percentile(self.latencies, 50)

    @property
    def p99(self) -> float:
        return percentile(self.latencies, 99)


@dataclass(frozen=True)
class Run:
    round: int
    app: str
    endpoint: str
    load: Load


@dataclass(frozen=True)
class Comparison:
    """One endpoint: each app's medians over the rounds, and the capstone ÷ lesson 12 ratios."""

    endpoint: str
    rps: dict[str, float]
    p50: dict[str, float]  # seconds
    p99: dict[str, float]
    server_cpu: dict[str, float | None]
    client_cpu: dict[str, float]
    round_rps_ratios: tuple[float, ...]  # capstone ÷ lesson 12 in each round

    @property
    def rps_ratio(self) -> float:
        return self.rps[CAPSTONE] / self.rps[LESSON12]

    @property
    def p50_ratio(self) -> float:
        return self.p50[CAPSTONE] / self.p50[LESSON12]

    @property
    def p99_ratio(self) -> float:
        return self.p99[CAPSTONE] / self.p99[LESSON12]


def _median_of(runs: Sequence[Run], value: Callable[[Load], float | None]) -> float | None:
    values = [v for run in runs if (v := value(run.load)) is not None]
    return statistics.median(values) if values else None


def compare(runs: Sequence[Run]) -> list[Comparison]:
    """Medians over rounds per (endpoint, app); ratios are the capstone's over lesson 12's."""
    comparisons = []
    for endpoint in dict.fromkeys(run.endpoint for run in runs):
        mine = [run for run in runs if run.endpoint == endpoint]
        by_app = {app: [run for run in mine if run.app == app] for app in (LESSON12, CAPSTONE)}

        def medians(value: Callable[[Load], float], by_app: dict[str, list[Run]] = by_app) -> Any:
            return {app: _median_of(app_runs, value) for app, app_runs in by_app.items()}

        rounds = sorted({run.round for run in mine})
        per_round = {(run.round, run.app): run.load.rps for run in mine}
        comparisons.append(
            Comparison(
                endpoint=endpoint,
                rps=medians(lambda load: load.rps),
                p50=medians(lambda load: load.p50),
                p99=medians(lambda load: load.p99),
                server_cpu=medians(lambda load: load.server_cpu),  # type: ignore[arg-type,return-value]
                client_cpu=medians(lambda load: load.client_cpu),
                round_rps_ratios=tuple(
                    per_round[r, CAPSTONE] / per_round[r, LESSON12] for r in rounds
                ),
            )
        )
    return comparisons


# --- a small HTTP/1.1 load client -------------------------------------------------------------


class UnexpectedAnswerError(RuntimeError):
    """A benchmark of error answers measures nothing: stop."""


class Connection:
    """One keep-alive HTTP/1.1 connection: send a request, read one fixed-length answer."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    @classmethod
    async def open(cls, port: int) -> Connection:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        return cls(reader, writer)

    async def send(self, request: bytes) -> tuple[int, bytes]:
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        return int(head[9:12]), await self.reader.readexactly(content_length(head))

    async def close(self) -> None:
        self.writer.close()
        with contextlib.suppress(ConnectionError):
            await self.writer.wait_closed()


def content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
    raise UnexpectedAnswerError(f"no Content-Length (chunked answers are not supported): {head!r}")


def http_request(
    method: str, path: str, port: int, token: str | None = None, body: str | None = None
) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}"]
    if token is not None:
        lines.append(f"Authorization: Bearer {token}")
    if body is not None:
        lines += ["Content-Type: application/json", f"Content-Length: {len(body.encode())}"]
    return ("\r\n".join(lines) + "\r\n\r\n" + (body or "")).encode()


@dataclass(frozen=True)
class Endpoint:
    name: str
    expect: int  # the status every answer must have
    requests: tuple[bytes, ...]  # sent in turn, round and round


async def load(
    port: int, endpoint: Endpoint, connections: int, seconds: float, pid: int | None
) -> Load:
    """Keep `connections` requests in flight for `seconds` (a closed loop, like wrk)."""
    opened = [await Connection.open(port) for _ in range(connections)]
    latencies: list[float] = []
    samples: list[bytes] = []
    deadline = time.perf_counter() + seconds

    async def worker(number: int, connection: Connection) -> None:
        # Connections start at different requests, so they do not all ask for the same task.
        requests = itertools.cycle(endpoint.requests)
        for request in itertools.islice(requests, number % len(endpoint.requests), None):
            start = time.perf_counter()
            status, body = await connection.send(request)
            latencies.append(time.perf_counter() - start)
            if status != endpoint.expect:
                raise UnexpectedAnswerError(f"{endpoint.name}: {status} {body[:300]!r}")
            if number == 0 and not samples:
                samples.append(body)
            # Checked after the request, so that every connection is answered at least once
            # even when a busy machine stalls this process past a short deadline.
            if time.perf_counter() >= deadline:
                return

    try:
        server_start, client_start = cpu_seconds(pid), time.process_time()
        start = time.perf_counter()
        await asyncio.gather(*(worker(n, c) for n, c in enumerate(opened)))
        elapsed = time.perf_counter() - start
        server_end, client_end = cpu_seconds(pid), time.process_time()
    finally:
        for connection in opened:
            await connection.close()
    server_cpu = None if server_start is None or server_end is None else (server_end - server_start)
    return Load(
        latencies=tuple(latencies),
        seconds=elapsed,
        server_cpu=None if server_cpu is None else server_cpu / elapsed,
        client_cpu=(client_end - client_start) / elapsed,
        sample=samples[0],
    )


async def sequential(port: int, request: bytes, count: int) -> list[float]:
    """`count` requests one after another on one connection, after a few untimed ones."""
    connection = await Connection.open(port)
    latencies = []
    try:
        for number in range(count + max(3, count // 10)):
            start = time.perf_counter()
            status, body = await connection.send(request)
            if status != 200:
                raise UnexpectedAnswerError(f"{status} {body[:300]!r}")
            if number >= max(3, count // 10):
                latencies.append(time.perf_counter() - start)
    finally:
        await connection.close()
    return latencies


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run on uvloop when it is installed (uvicorn[standard] brings it), as the servers do."""
    try:
        import uvloop  # noqa: PLC0415
    except ImportError:  # pragma: no cover - uvicorn[standard] is a core dependency
        return asyncio.run(coroutine)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(coroutine)


# --- servers --------------------------------------------------------------------------------


def cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU seconds a process has used so far (Linux /proc), or None."""
    if pid is None:
        return None
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rpartition(")")[2].split()  # fields 3 and up; utime and stime are 14 and 15
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_pid(port: int) -> int | None:
    """Our child process whose command line has `--port <port>`: the uvicorn server (Linux)."""
    proc = Path("/proc")
    if not proc.is_dir():  # pragma: no cover - not Linux: no CPU column
        return None
    wanted = [b"--port", str(port).encode()]
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            args = (entry / "cmdline").read_bytes().split(b"\0")
            parent = int((entry / "stat").read_text().rpartition(")")[2].split()[1])
            if parent == os.getpid() and any(
                args[i : i + 2] == wanted for i in range(len(args) - 1)
            ):
                return int(entry.name)
    return None


def uvicorn_command(app: str, port: int) -> list[str]:
    # One worker, no reload, no access log: uvicorn picks uvloop and httptools when installed.
    return [
        *(sys.executable, "-m", "uvicorn", app, "--factory"),
        *("--host", "127.0.0.1", "--port", str(port), "--workers", "1"),
        *("--no-access-log", "--log-level", "warning"),
    ]


@dataclass(frozen=True)
class Target:
    """A served API, ready to be loaded."""

    app: str
    port: int
    token: str | None
    list_path: str
    task_ids: tuple[int, ...]
    pid: int | None

    def endpoints(self) -> list[Endpoint]:
        def request(method: str, path: str, body: str | None = None) -> bytes:
            return http_request(method, path, self.port, self.token, body)

        return [
            Endpoint(LIST, 200, (request("GET", self.list_path),)),
            Endpoint(GET, 200, tuple(request("GET", f"/tasks/{i}") for i in self.task_ids)),
            Endpoint(POST, 201, (request("POST", "/tasks", NEW_TASK),)),
        ]


@contextlib.contextmanager
def serve_lesson12(settings: Settings) -> Iterator[Target]:
    port = free_port()
    command = uvicorn_command("bench.lesson12:create_app", port)
    with serving(command, port, ready_path="/tasks", env={TASKS_VARIABLE: str(settings.page)}):
        ids = tuple(range(1, settings.page + 1))  # seed(n) makes tasks 1..n
        yield Target(LESSON12, port, None, "/tasks", ids, server_pid(port))


@contextlib.contextmanager
def serve_capstone(database: Path) -> Iterator[int]:
    """The capstone on a fresh SQLite file, migrated at startup; yields the port."""
    port = free_port()
    env = {
        "DATABASE_URL": f"sqlite+aiosqlite:///{database}",
        "MIGRATE_ON_START": "1",
        "APP_ENV": "development",
        "REDIS_URL": "",  # events stay in this process
    }
    with serving(
        uvicorn_command("capstone.app:create_app", port), port, ready_path="/health", env=env
    ):
        yield port


def sign_in(port: int, username: str) -> tuple[str, int]:
    """Register and log in through the API; return the bearer token and the user id."""
    base = f"http://127.0.0.1:{port}"
    credentials = {"username": username, "password": PASSWORD}
    with httpx.Client(base_url=base, timeout=30) as client:
        registered = client.post("/auth/register", json=credentials)
        registered.raise_for_status()
        login = client.post("/auth/login", json=credentials)
        login.raise_for_status()
    return str(login.json()["access_token"]), int(registered.json()["id"])


def task_rows(owner_id: int, count: int) -> Iterator[dict[str, Any]]:
    """The tasks lesson 12's seed(n) makes, as capstone rows: both APIs serve the same data."""
    statuses, priorities = list(Status), list(Priority)
    for number in range(1, count + 1):
        status = statuses[(number - 1) % 3]
        priority = priorities[(number - 1) // 3 % 3]
        created_at = SEED_EPOCH + timedelta(minutes=number)
        yield {
            "owner_id": owner_id,
            "title": f"Task {number}",
            "description": f"Seeded task number {number}",
            "priority": priority,
            "priority_rank": PRIORITY_RANK[priority],
            "status": status,
            "due_date": None,
            "completed_at": created_at + timedelta(hours=1) if status is Status.DONE else None,
            "version": 1,
            "created_at": created_at,
            "updated_at": created_at,
        }


def insert_tasks(database: Path, owner_id: int, count: int) -> tuple[int, ...]:
    """Bulk-insert `count` tasks for one owner straight into the database; return their ids."""
    engine = create_engine(f"sqlite:///{database}")
    try:
        with Session(engine) as session, session.begin():
            session.execute(insert(Task), list(task_rows(owner_id, count)))
            ids = session.scalars(
                select(Task.id).where(Task.owner_id == owner_id).order_by(Task.id)
            ).all()
    finally:
        engine.dispose()
    return tuple(ids)


@contextlib.contextmanager
def serve_seeded_capstone(settings: Settings) -> Iterator[Target]:
    with tempfile.TemporaryDirectory(prefix="capstone-bench-") as directory:
        database = Path(directory) / "capstone.sqlite3"
        with serve_capstone(database) as port:
            token, owner_id = sign_in(port, "bench")
            ids = insert_tasks(database, owner_id, settings.page)
            list_path = f"/tasks?limit={settings.page}"
            yield Target(CAPSTONE, port, token, list_path, ids, server_pid(port))


SERVERS: dict[str, Callable[[Settings], contextlib.AbstractContextManager[Target]]] = {
    LESSON12: serve_lesson12,
    CAPSTONE: serve_seeded_capstone,
}


# --- the contract both APIs answer ------------------------------------------------------------


def task_shape(task: Any) -> dict[str, str]:
    """The JSON type of each field both APIs share; a missing field is a broken contract."""
    if not isinstance(task, dict) or not set(COMMON_FIELDS) <= task.keys():
        raise UnexpectedAnswerError(f"not a task: {task!r}")
    return {name: type(task[name]).__name__ for name in COMMON_FIELDS}


def answer_shape(endpoint: str, body: bytes) -> dict[str, Any]:
    """What an answer looks like: a list (bare or in a page) of tasks, or one task."""
    data = json.loads(body)
    if endpoint != LIST:
        return {"task": task_shape(data)}
    items = data["items"] if isinstance(data, dict) else data
    return {"tasks": len(items), "task": task_shape(items[0])}


def check_contract(runs: Sequence[Run]) -> None:
    """Every endpoint answered both apps' loads with the same shape."""
    shapes: dict[str, dict[str, dict[str, Any]]] = {}
    for run in runs:
        shapes.setdefault(run.endpoint, {})[run.app] = answer_shape(run.endpoint, run.load.sample)
    for endpoint, by_app in shapes.items():
        if len({json.dumps(shape, sort_keys=True) for shape in by_app.values()}) != 1:
            raise UnexpectedAnswerError(f"{endpoint}: the APIs answer differently: {by_app}")


# --- 1. A/B under load ------------------------------------------------------------------------


def measure(target: Target, settings: Settings, round_number: int) -> list[Run]:
    runs = []
    for endpoint in target.endpoints():  # list first: POSTs would make lesson 12's list longer
        args = (target.port, endpoint, settings.concurrency)
        run_async(load(*args, settings.warmup, target.pid))
        measured = run_async(load(*args, settings.seconds, target.pid))
        runs.append(Run(round_number, target.app, endpoint.name, measured))
    return runs


def ab_runs(settings: Settings, progress: Callable[[str], None]) -> list[Run]:
    runs: list[Run] = []
    order = [LESSON12, CAPSTONE]
    for round_number in range(settings.rounds):
        for app in order:
            progress(f"round {round_number + 1}/{settings.rounds}: {app}")
            with SERVERS[app](settings) as target:  # a fresh server (and database) each round
                runs += measure(target, settings, round_number)
        order.reverse()
    return runs


# --- 2. the list at 1k and 100k tasks ---------------------------------------------------------

# The two statements advanced-alchemy's get_many_and_count(count_with_window_function=False)
# sends for `GET /tasks?limit=N` (the default sort, created then id).
COUNT_SQL = "SELECT count(1) FROM task WHERE task.owner_id = ?"
PAGE_SQL = (
    "SELECT * FROM task WHERE task.owner_id = ? ORDER BY task.created_at ASC, task.id ASC"
    " LIMIT ? OFFSET 0"
)


@dataclass(frozen=True)
class QueryCost:
    name: str
    seconds: dict[int, float]  # tasks of the user -> median seconds inside SQLite
    plan: str


@dataclass(frozen=True)
class Scaling:
    p50: dict[int, float]  # tasks of the user -> median over rounds of the p50, seconds
    queries: tuple[QueryCost, ...]

    @property
    def ratio(self) -> float:
        small, large = sorted(self.p50)
        return self.p50[large] / self.p50[small]


def query_costs(database: Path, owners: dict[int, int], page: int) -> tuple[QueryCost, ...]:
    """Time the list's two queries in SQLite itself, per user, and ask SQLite for its plan."""
    costs = []
    with contextlib.closing(sqlite3.connect(database)) as connection:
        for name, sql, extra in (("COUNT", COUNT_SQL, ()), ("page", PAGE_SQL, (page,))):
            seconds = {}
            for count, owner in owners.items():
                times = []
                for _ in range(15):
                    start = time.perf_counter()
                    connection.execute(sql, (owner, *extra)).fetchall()
                    times.append(time.perf_counter() - start)
                seconds[count] = statistics.median(times)
            rows = connection.execute(f"EXPLAIN QUERY PLAN {sql}", (1, *extra)).fetchall()
            costs.append(QueryCost(name, seconds, "; ".join(str(row[-1]) for row in rows)))
    return tuple(costs)


def list_scaling(settings: Settings, progress: Callable[[str], None]) -> Scaling:
    with tempfile.TemporaryDirectory(prefix="capstone-bench-") as directory:
        database = Path(directory) / "capstone.sqlite3"
        with serve_capstone(database) as port:
            tokens, owners = {}, {}
            for count in (settings.small, settings.large):
                progress(f"scaling: seeding {count:,} tasks")
                tokens[count], owners[count] = sign_in(port, f"user{count}")
                insert_tasks(database, owners[count], count)
            path = f"/tasks?limit={settings.page}"
            samples: dict[int, list[float]] = {count: [] for count in tokens}
            order = list(tokens)
            for round_number in range(settings.scaling_rounds):
                progress(f"scaling: round {round_number + 1}/{settings.scaling_rounds}")
                for count in order:
                    request = http_request("GET", path, port, tokens[count])
                    latencies = run_async(sequential(port, request, settings.sequential))
                    samples[count].append(percentile(latencies, 50))
                order.reverse()
        queries = query_costs(database, owners, settings.page)
    return Scaling({count: statistics.median(p50s) for count, p50s in samples.items()}, queries)


# --- the report -------------------------------------------------------------------------------


def _cpu(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def table(comparisons: Sequence[Comparison], scaling: Scaling, settings: Settings) -> str:
    versions = " · ".join(
        f"{name} {version(name)}"
        for name in ("litestar", "advanced-alchemy", "sqlalchemy", "msgspec", "uvicorn")
    )
    lines = [
        f"Python {platform.python_version()} · {versions} · {os.cpu_count()} CPUs",
        "",
        (
            f"1. Under load: {settings.concurrency} keep-alive connections (asyncio client),"
            f" {settings.warmup:g} s warm-up + {settings.seconds:g} s per endpoint,"
        ),
        (
            f"   rounds: {settings.rounds}, a fresh server each, in alternating order; medians of"
            f" rounds. Lists hold {settings.page} tasks."
        ),
        "   CPU = cores used by the uvicorn process and by the load client while measuring.",
        "",
        (
            f"{'endpoint':<17}{'app':<11}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
            f"{'server CPU':>12}{'client CPU':>12}"
        ),
    ]
    for comparison in comparisons:
        for app in (LESSON12, CAPSTONE):
            lines.append(
                f"{comparison.endpoint:<17}{app:<11}{comparison.rps[app]:>9,.0f}"
                f"{comparison.p50[app] * 1e3:>9.2f}{comparison.p99[app] * 1e3:>9.2f}"
                f"{_cpu(comparison.server_cpu[app]):>12}{comparison.client_cpu[app]:>12.2f}"
            )
        rounds = comparison.round_rps_ratios
        lines.append(
            f"{'':<17}capstone ÷ lesson 12: req/s {comparison.rps_ratio:.2f}x"
            f" (rounds {min(rounds):.2f}-{max(rounds):.2f}),"
            f" p50 {comparison.p50_ratio:.2f}x, p99 {comparison.p99_ratio:.2f}x"
        )
    small, large = sorted(scaling.p50)
    verdict = "within" if scaling.ratio <= TARGET_SCALING else "OVER"
    lines += [
        "",
        (
            f"2. The capstone's GET /tasks?limit={settings.page} by how many tasks the signed-in"
            " user has (one database):"
        ),
        (
            f"   p50 of {settings.sequential} sequential requests, median of"
            f" {settings.scaling_rounds} alternating rounds."
        ),
        "",
        f"   {small:>9,} tasks  {scaling.p50[small] * 1e3:7.2f} ms",
        f"   {large:>9,} tasks  {scaling.p50[large] * 1e3:7.2f} ms",
        f"   ratio {scaling.ratio:.2f}x ({verdict} the {TARGET_SCALING}x target)",
        "",
        "   What a COUNT of the user's tasks would cost inside SQLite, beside the page query",
        "   (median of 15, same database). Unfiltered listings read the user's task_count",
        "   instead (migration 0002); filtered ones still COUNT, over the filtered rows:",
    ]
    for query in scaling.queries:
        lines.append(
            f"   {query.name:<6}{query.seconds[small] * 1e3:8.3f} ms at {small:,}"
            f"{query.seconds[large] * 1e3:9.3f} ms at {large:,}   plan: {query.plan}"
        )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run of a few seconds")
    parser.add_argument(
        "--output", type=Path, help=f"where to write the table (default: {OUTPUT}; none if --quick)"
    )
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else Settings()
    output = args.output or (None if args.quick else OUTPUT)

    def progress(message: str) -> None:
        sys.stderr.write(f"  {message}\n")

    started = time.perf_counter()
    runs = ab_runs(settings, progress)
    check_contract(runs)
    scaling = list_scaling(settings, progress)
    header = f"$ {' '.join([COMMAND, *(['--quick'] if args.quick else [])])}\n"
    text = header + table(compare(runs), scaling, settings)
    sys.stdout.write(text)
    sys.stderr.write(f"  took {time.perf_counter() - started:.0f} s\n")
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
