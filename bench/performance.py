"""The capstone against its limit, before and after each optimisation, on uvicorn and granian.

python -m bench.performance [--quick] [--databases sqlite,postgresql] [--variants A,B]
                            [--rounds N] [--output DIR]

On SQLite, and on PostgreSQL when it answers (tests/services.py), in one run:

- the limit: bench/baseline.py, a bare ASGI app on the same database, with the same
  statements, driver, pool and token check; every figure is also given as a fraction of it;
- the capstone as it was when issue #15 was filed (commit ISSUE_COMMIT, taken from git with
  `git archive` and served from a temporary folder): what "today" meant in that issue;
- the capstone with every performance switch off ("before"), then with them turned on one
  at a time in the order they were made (bench/served.py; capstone.config.Settings), the
  last of which is the capstone as it ships ("after");
- the capstone as it ships on uvicorn with 2 workers, and on granian with 1 and 2.

Each endpoint (a page of 50, one task, a create) is loaded by `concurrency` keep-alive
connections signed in as `users` users with `tasks` tasks each. Measured for every run: req/s,
p50 and p99, the server's CPU (every process of it) per request, the database connections it
opened per 1,000 requests, and answers that were not the expected status (such as SQLite's
"database is locked", a 503). Medians over rounds; the order of the variants alternates.
No figure is compared with a threshold: the numbers depend on the machine, the ratios less so.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import io
import itertools
import json
import os
import platform
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from importlib.metadata import version
from pathlib import Path

import jwt
from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import create_async_engine

from bench.capstone import (
    NEW_TASK,
    Connection,
    cpu_seconds,
    http_request,
    percentile,
    run_async,
    server_pid,
    task_rows,
)
from bench.served import CONNECTIONS_VARIABLE, OFF_VARIABLE, SOURCE_VARIABLE, SWITCHES
from capstone.config import Settings as CapstoneSettings
from capstone.http.auth import AUDIENCE, ISSUER
from capstone.storage.database import database_config, migrate
from capstone.storage.models import Task, User
from lessons.manifest import ROOT
from tests.servers import BIN, free_port, serving
from tests.services import isolated_postgres_database, postgres_problem, postgres_url

COMMAND = "python -m bench.performance"
OUTPUT = ROOT / "docs" / "assets"
TEXT_NAME, PLOT_NAME = "capstone-performance.txt", "capstone-performance.png"
SUMMARY_NAME = "capstone-performance-summary.md"  # the table the page shows first
TIMES = "\N{MULTIPLICATION SIGN}"
JSON_NAME = "capstone-performance.json"
LIST, GET, POST = "list", "get", "create"
ENDPOINTS = (LIST, GET, POST)
SQLITE, POSTGRESQL = "SQLite", "PostgreSQL"
BASELINE_APP, CAPSTONE_APP = "bench.baseline:create_app", "bench.served:create_app"
BASELINE, BEFORE = "baseline (the limit)", "before"
# The last commit before the first change for #15: its schema is today's, so it serves the
# same seeded database.
ISSUE_COMMIT = "298aedf"
FILED = f"#15 filed · {ISSUE_COMMIT}"
SECRET = "benchmark-only-" + "x" * 32  # signs the tokens of a throwaway database


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


# --- the load ---------------------------------------------------------------------------------


class HarnessError(RuntimeError):
    """Nothing answered at all, or not what a benchmark can measure."""


async def load(
    port: int, requests: Sequence[bytes], expect: int, connections: int, seconds: float
) -> tuple[list[float], int, str, float]:
    """Keep `connections` requests in flight for `seconds`; count unexpected answers."""
    opened = [await Connection.open(port) for _ in range(connections)]
    latencies: list[float] = []
    errors: list[str] = []
    deadline = time.perf_counter() + seconds

    async def worker(number: int, connection: Connection) -> None:
        cycle = itertools.cycle(requests)
        for request in itertools.islice(cycle, number % len(requests), None):
            if time.perf_counter() >= deadline:
                return
            start = time.perf_counter()
            status, body = await connection.send(request)
            latencies.append(time.perf_counter() - start)
            if status != expect:
                errors.append(f"{status} {body[:200].decode(errors='replace')}")

    start = time.perf_counter()
    try:
        await asyncio.gather(*(worker(n, c) for n, c in enumerate(opened)))
    finally:
        for connection in opened:
            await connection.close()
    if not latencies:
        raise HarnessError("no request was answered")
    return latencies, len(errors), errors[0] if errors else "", time.perf_counter() - start


def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                parent = int((entry / "stat").read_text().rpartition(")")[2].split()[1])
                children.setdefault(parent, []).append(int(entry.name))
    return children


def the_server(port: int) -> int | None:
    """The server we started: by its `--port`, or our only child (granian renames itself)."""
    found = server_pid(port)
    if found is None:
        mine = _children().get(os.getpid(), [])
        found = mine[0] if len(mine) == 1 else None
    return found


def tree_cpu(pid: int | None) -> float | None:
    """CPU seconds used so far by `pid` and every process under it (the workers)."""
    if pid is None:
        return None
    children = _children()
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        total += cpu_seconds(current) or 0.0
        todo += children.get(current, [])
    return total


# --- the data both apps serve -----------------------------------------------------------------


@dataclass(frozen=True)
class Data:
    tokens: tuple[str, ...]
    ids: tuple[tuple[int, ...], ...]  # per user, the tasks GET asks for


def token_for(user_id: int) -> str:
    now = datetime.now(UTC)
    claims = {"sub": str(user_id), "iat": now, "exp": now + timedelta(days=1)}
    return jwt.encode({**claims, "iss": ISSUER, "aud": AUDIENCE}, SECRET, algorithm="HS256")


async def _seed(url: str, settings: Settings) -> Data:
    engine = create_async_engine(url)
    tokens, ids = [], []
    try:
        async with engine.begin() as connection:
            for number in range(settings.users):
                user_id: int = await connection.scalar(  # type: ignore[assignment]
                    insert(User)
                    # No password: the benchmark signs its tokens itself.
                    .values(username=f"bench{number}", password_hash="", task_count=settings.tasks)
                    .returning(User.id)
                )
                await connection.execute(insert(Task), list(task_rows(user_id, settings.tasks)))
                found = await connection.scalars(
                    select(Task.id).where(Task.owner_id == user_id).order_by(Task.id)
                )
                tokens.append(token_for(user_id))
                ids.append(tuple(found.all()[:: max(1, settings.tasks // settings.ids)]))
            await connection.execute(update(User).values(task_count=settings.tasks))
    finally:
        await engine.dispose()
    return Data(tuple(tokens), tuple(ids))


def prepare(url: str, settings: Settings) -> Data:
    migrate(database_config(CapstoneSettings(database_url=url, jwt_secret=SECRET)))
    return run_async(_seed(url, settings))


def requests_for(endpoint: str, port: int, data: Data, settings: Settings) -> list[bytes]:
    pairs = list(zip(data.tokens, data.ids, strict=True))
    if endpoint == LIST:
        path = f"/tasks?limit={settings.page}"
        return [http_request("GET", path, port, token) for token, _ in pairs]
    if endpoint == GET:
        # Interleaved: consecutive requests are for different users.
        by_user = [[http_request("GET", f"/tasks/{i}", port, t) for i in ids] for t, ids in pairs]
        return [request for group in zip(*by_user, strict=False) for request in group]
    return [http_request("POST", "/tasks", port, token, NEW_TASK) for token, _ in pairs]


EXPECTED = {LIST: 200, GET: 200, POST: 201}


# --- servers ----------------------------------------------------------------------------------


def earlier_capstone(commit: str, directory: Path) -> Path | str:
    """The capstone/ folder of `commit`, extracted under `directory`; or why it could not be."""
    try:
        archive = subprocess.run(  # noqa: S603 - a fixed command
            ["git", "archive", "--format=tar", commit, "capstone"],  # noqa: S607 - git on PATH
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", b"") or str(error).encode()
        return f"git archive {commit} failed: {detail.decode(errors='replace').strip()}"
    tree = directory / commit
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(tree, filter="data")
    return tree


def server_command(variant: Variant, port: int, source: Path | None = None) -> list[str]:
    where = ("--host", "127.0.0.1", "--port", str(port), "--workers", str(variant.workers))
    if variant.server == "granian":
        # One runtime thread per worker, as uvicorn's one event loop; no access log (default).
        return [
            str(BIN / "granian"),
            *("--interface", "asgi", "--factory", "--loop", "uvloop", "--runtime-threads", "1"),
            *where,
            *("--log-level", "warning"),
            variant.app,
        ]
    # --app-dir goes first on sys.path: `capstone` is imported from there, bench/ from here.
    earlier = ("--app-dir", str(source)) if source else ()
    return [
        *(sys.executable, "-m", "uvicorn", variant.app, "--factory", *where, *earlier),
        *("--no-access-log", "--log-level", "warning"),
    ]


@contextlib.contextmanager
def database(kind: str) -> Iterator[str]:
    if kind == SQLITE:
        with tempfile.TemporaryDirectory(prefix="capstone-perf-") as directory:
            yield f"sqlite+aiosqlite:///{Path(directory) / 'capstone.sqlite3'}"
    else:
        with isolated_postgres_database() as url:
            yield url


def measure(
    kind: str,
    url: str,
    variant: Variant,
    data: Data,
    *,
    settings: Settings,
    round_number: int,
    source: Path | None = None,
) -> list[Run]:
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="capstone-perf-") as directory:
        counted = Path(directory) / "connections"
        counted.touch()
        env = {
            "DATABASE_URL": url,
            "JWT_SECRET": SECRET,
            "MIGRATE_ON_START": "0",
            "APP_ENV": "development",
            "REDIS_URL": "",
            OFF_VARIABLE: ",".join(variant.off),
            CONNECTIONS_VARIABLE: str(counted),
            # bench/served.py refuses to start unless `capstone` came from there.
            SOURCE_VARIABLE: str(source) if source else "",
        }
        runs = []
        command = server_command(variant, port, source)
        with serving(command, port, ready_path="/health", env=env):
            pid = the_server(port)
            for endpoint in ENDPOINTS:
                requests = requests_for(endpoint, port, data, settings)
                args = (port, requests, EXPECTED[endpoint], settings.concurrency)
                run_async(load(*args, settings.warmup))
                opened, cpu = counted.stat().st_size, tree_cpu(pid)
                latencies, errors, sample, seconds = run_async(load(*args, settings.seconds))
                cpu_after = tree_cpu(pid)
                used = None if cpu is None or cpu_after is None else cpu_after - cpu
                measured = Load(
                    latencies=tuple(latencies),
                    errors=errors,
                    error_sample=sample,
                    seconds=seconds,
                    cpu=used,
                    connections=counted.stat().st_size - opened,
                )
                runs.append(Run(kind, variant.name, endpoint, round_number, measured))
    return runs


def run_database(
    kind: str,
    settings: Settings,
    wanted: set[str] | None,
    progress: Callable[[str], None],
    skipped: list[str],
) -> tuple[list[Variant], list[Run]]:
    variants = [v for v in variants_for(kind) if wanted is None or v.name in wanted]
    runs: list[Run] = []
    with database(kind) as url, tempfile.TemporaryDirectory(prefix="capstone-then-") as folder:
        sources: dict[str, Path] = {}
        for commit in {v.commit for v in variants if v.commit}:
            found = earlier_capstone(commit, Path(folder))
            if isinstance(found, Path):
                sources[commit] = found
            else:
                skipped.append(f"{kind}: {FILED} skipped: {found}")
        variants = [v for v in variants if v.commit is None or v.commit in sources]
        progress(f"{kind}: seeding {settings.users} users x {settings.tasks:,} tasks")
        data = prepare(url, settings)
        order = list(variants)
        for round_number in range(settings.rounds):
            for variant in order:
                progress(f"{kind}: round {round_number + 1}/{settings.rounds}: {variant.name}")
                source = sources.get(variant.commit) if variant.commit else None
                runs += measure(
                    kind,
                    url,
                    variant,
                    data,
                    settings=settings,
                    round_number=round_number,
                    source=source,
                )
            order.reverse()
    return variants, runs


# --- the report -------------------------------------------------------------------------------


def ratio(a: float | None, b: float | None) -> str:
    return "-" if a is None or b is None or not b else f"{a / b:.2f}"


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value * 1e3:.2f}"


@dataclass
class Report:
    settings: Settings
    variants: dict[str, list[Variant]]  # per database
    summaries: dict[tuple[str, str, str], Summary]
    skipped: list[str] = field(default_factory=list)

    def get(self, kind: str, variant: str, endpoint: str) -> Summary | None:
        return self.summaries.get((kind, variant, endpoint))

    def lines(self) -> list[str]:
        s = self.settings
        versions = " · ".join(
            f"{name} {version(name)}"
            for name in ("litestar", "advanced-alchemy", "sqlalchemy", "uvicorn", "granian")
        )
        out = [
            f"Python {platform.python_version()} · {versions} · {os.cpu_count()} CPUs",
            "",
            (
                f"{s.concurrency} keep-alive connections, {s.users} users x {s.tasks:,} tasks,"
                f" a page of {s.page}; {s.warmup:g} s warm-up + {s.seconds:g} s per endpoint;"
            ),
            (
                f"{s.rounds} round(s) in alternating order, medians. x limit: req/s ÷ the"
                " baseline's. CPU: ms of server CPU (all its processes) per request."
            ),
            (
                "CPU lim: the baseline's CPU per request ÷ this one's, the fraction of the limit"
                " it would reach on a saturated core"
            ),
            (
                "(steadier than req/s when other jobs share the machine). conns/1k: database"
                " connections the server opened per 1,000 requests."
            ),
            "",
        ]
        for skipped in self.skipped:
            out += [skipped, ""]
        for kind, variants in self.variants.items():
            out += self.database_lines(kind, variants)
        return out

    def database_lines(self, kind: str, variants: list[Variant]) -> list[str]:
        out = [
            f"## {kind}",
            "",
            (
                f"{'variant':<28}{'endpoint':<8}{'req/s':>8}{'x limit':>9}{'p50 ms':>9}"
                f"{'p99 ms':>9}{'CPU ms':>8}{'CPU lim':>9}{'conns/1k':>10}{'errors':>8}"
            ),
        ]
        names = [variant.name for variant in variants]
        for name in names:
            for endpoint in ENDPOINTS:
                got = self.get(kind, name, endpoint)
                if got is None:
                    continue
                limit = self.get(kind, BASELINE, endpoint)
                out.append(
                    f"{name:<28}{endpoint:<8}{got.rps:>8,.0f}"
                    f"{ratio(got.rps, limit.rps if limit else None):>9}"
                    f"{got.p50 * 1e3:>9.2f}{got.p99 * 1e3:>9.2f}{_ms(got.cpu_per_request):>8}"
                    f"{ratio(limit.cpu_per_request if limit else None, got.cpu_per_request):>9}"
                    f"{got.connections_per_1000:>10.1f}{got.errors:>8}"
                )
        out.append("")
        out += self.comparisons(kind, names)
        for name in names:
            for endpoint in ENDPOINTS:
                got = self.get(kind, name, endpoint)
                if got is not None and got.errors:
                    out.append(f"first error, {name} {endpoint}: {got.error_sample[:160]}")
        out.append("")
        return out

    def comparisons(self, kind: str, names: list[str]) -> list[str]:
        out = []
        steps = [n for n in names if n == BEFORE or n.startswith("+ ")]
        now = steps[-1] if steps and steps[-1] != BEFORE else None
        if FILED in names and now:
            out.append(f"{FILED} → after, uvicorn x1 (what #15 called today → as it ships):")
            out += self.change_lines(kind, FILED, now)
        if BEFORE in steps and now:
            out.append(f"before → after ({now.removeprefix('+ ')} last), uvicorn x1:")
            out += self.change_lines(kind, BEFORE, now)
            out.append("each step, req/s and CPU per request against the step before:")
            for previous, step in itertools.pairwise(steps):
                parts = []
                for endpoint in ENDPOINTS:
                    a, b = self.get(kind, previous, endpoint), self.get(kind, step, endpoint)
                    if a and b:
                        parts.append(
                            f"{endpoint} x{ratio(b.rps, a.rps)}"
                            f" / x{ratio(b.cpu_per_request, a.cpu_per_request)}"
                        )
                out.append(f"  {step:<20} {', '.join(parts)}")
        pairs = [
            ("granian ÷ uvicorn, 1 worker", "after · granian x1", steps[-1] if steps else ""),
            ("granian ÷ uvicorn, 2 workers", "after · granian x2", "after · uvicorn x2"),
        ]
        for label, mine, theirs in pairs:
            parts = []
            for endpoint in ENDPOINTS:
                a, b = self.get(kind, mine, endpoint), self.get(kind, theirs, endpoint)
                if a and b:
                    parts.append(f"{endpoint} x{ratio(a.rps, b.rps)}")
            if parts:
                out.append(f"{label}: req/s {', '.join(parts)}")
        return out

    def change_lines(self, kind: str, before: str, after: str) -> list[str]:
        out = []
        for endpoint in ENDPOINTS:
            first, last = self.get(kind, before, endpoint), self.get(kind, after, endpoint)
            if first and last:
                out.append(
                    f"  {endpoint:<7} req/s x{ratio(last.rps, first.rps)},"
                    f" CPU per request x{ratio(last.cpu_per_request, first.cpu_per_request)},"
                    f" p99 {first.p99 * 1e3:.1f} → {last.p99 * 1e3:.1f} ms,"
                    f" conns/1k {first.connections_per_1000:.1f}"
                    f" → {last.connections_per_1000:.1f}"
                )
        return out

    def after_step(self, kind: str) -> str | None:
        """The last switch turned on, on uvicorn x1: the capstone as it ships."""
        steps = [v.name for v in self.variants.get(kind, []) if v.name.startswith("+ ")]
        return steps[-1] if steps else None

    def summary(self) -> str:
        """Then (#15 filed) against now, per database and endpoint, as a Markdown table."""
        rows = [
            (
                "| database | endpoint | CPU per request, then → now | change"
                " | p99, then → now | fraction of the limit, now | errors, now |"
            ),
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for kind in self.variants:
            after = self.after_step(kind)
            for endpoint in ENDPOINTS:
                first = self.get(kind, FILED, endpoint)
                last = self.get(kind, after, endpoint) if after else None
                limit = self.get(kind, BASELINE, endpoint)
                if first is None or last is None:
                    continue
                cpu = f"{_ms(first.cpu_per_request)} → {_ms(last.cpu_per_request)} ms"
                change = TIMES + ratio(last.cpu_per_request, first.cpu_per_request)
                p99 = f"{first.p99 * 1e3:,.0f} → {last.p99 * 1e3:,.0f} ms"
                fraction = ratio(limit.cpu_per_request if limit else None, last.cpu_per_request)
                cells = [kind, endpoint, cpu, change, p99, fraction, str(last.errors)]
                rows.append("| " + " | ".join(cells) + " |")
        return "\n".join(rows) + "\n"

    def text(self, quick: bool) -> str:
        header = f"$ {COMMAND}{' --quick' if quick else ''}\n"
        return header + "\n".join(self.lines()) + "\n"

    def plot(self, path: Path) -> None:
        # Only the bench group has matplotlib (the typecheck session does not install it).
        import matplotlib as mpl  # type: ignore[import-not-found,unused-ignore]  # noqa: PLC0415

        mpl.use("Agg")
        import matplotlib.pyplot as plt  # type: ignore[import-not-found,unused-ignore]  # noqa: PLC0415

        kinds = list(self.variants)
        figure, axes = plt.subplots(
            2, len(kinds), figsize=(6.5 * len(kinds), 7.5), squeeze=False, layout="constrained"
        )
        for column, kind in enumerate(kinds):
            names = [v.name for v in self.variants[kind] if v.name != BASELINE]
            for row, (title, value) in enumerate(
                [
                    ("fraction of the no-framework limit (CPU lim)", self._limit_fraction),
                    ("server CPU per request, ms", self._cpu_ms),
                ]
            ):
                axis = axes[row][column]
                width = 0.8 / len(ENDPOINTS)
                for offset, endpoint in enumerate(ENDPOINTS):
                    values = [value(kind, name, endpoint) for name in names]
                    axis.bar(
                        [i + (offset - 1) * width for i in range(len(names))],
                        values,
                        width,
                        label=endpoint,
                    )
                axis.set_xticks(range(len(names)), names, rotation=35, ha="right", fontsize=8)
                axis.set_title(f"{kind}: {title}", fontsize=10)
                if row == 0:
                    axis.axhline(1.0, color="grey", linewidth=0.8, linestyle="--")
                axis.legend(fontsize=8)
        figure.savefig(path, dpi=110)
        plt.close(figure)

    def _limit_fraction(self, kind: str, name: str, endpoint: str) -> float:
        # By CPU per request, which a busy machine disturbs far less than req/s.
        got, limit = self.get(kind, name, endpoint), self.get(kind, BASELINE, endpoint)
        if got and limit and got.cpu_per_request and limit.cpu_per_request:
            return limit.cpu_per_request / got.cpu_per_request
        return 0.0

    def _cpu_ms(self, kind: str, name: str, endpoint: str) -> float:
        got = self.get(kind, name, endpoint)
        return (got.cpu_per_request or 0.0) * 1e3 if got else 0.0


def databases(requested: Sequence[str]) -> tuple[list[str], list[str]]:
    """The databases to run on, and a line for each one skipped (PostgreSQL not answering)."""
    kinds, skipped = [], []
    for name in requested:
        if name == "postgresql":
            problem = postgres_problem(postgres_url())
            if problem is not None:
                skipped.append(f"PostgreSQL skipped: {problem}")
                continue
            kinds.append(POSTGRESQL)
        else:
            kinds.append(SQLITE)
    return kinds, skipped


def rendered(path: Path, settings: Settings) -> Report:
    """A report from the summaries a run saved (capstone-performance.json), without a run."""
    saved = json.loads(path.read_text(encoding="utf-8"))
    summaries = {tuple(key.split(" | ")): Summary(**value) for key, value in saved.items()}
    kinds = list(dict.fromkeys(kind for kind, _, _ in summaries))
    names = {(kind, variant) for kind, variant, _ in summaries}
    variants = {k: [v for v in variants_for(k) if (k, v.name) in names] for k in kinds}
    return Report(settings, variants, summaries)


def write(report: Report, output: Path, quick: bool) -> str:
    text = report.text(quick)
    output.mkdir(parents=True, exist_ok=True)
    (output / TEXT_NAME).write_text(text, encoding="utf-8")
    (output / SUMMARY_NAME).write_text(report.summary(), encoding="utf-8")
    report.plot(output / PLOT_NAME)
    summaries = {" | ".join(key): vars(summary) for key, summary in report.summaries.items()}
    (output / JSON_NAME).write_text(json.dumps(summaries, indent=1), encoding="utf-8")
    return text


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run; numbers mean nothing")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--variants", help="only these variants (names as in the table)")
    parser.add_argument("--rounds", type=int, help="rounds (default: 2; 1 with --quick)")
    parser.add_argument(
        "--render", type=Path, help="no run: rewrite the report from a saved JSON of summaries"
    )
    parser.add_argument("--output", type=Path, help=f"a folder (default {OUTPUT}; none if --quick)")
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else Settings()
    if args.rounds:
        settings = dataclasses.replace(settings, rounds=args.rounds)
    output = args.output or (None if args.quick else OUTPUT)
    if args.render:
        sys.stdout.write(write(rendered(args.render, settings), output or OUTPUT, args.quick))
        return 0
    wanted = set(args.variants.split(",")) if args.variants else None
    kinds, skipped = databases([name.strip() for name in args.databases.split(",")])

    def progress(message: str) -> None:
        sys.stderr.write(f"  {message}\n")

    started = time.perf_counter()
    all_variants, runs = {}, []
    for kind in kinds:
        all_variants[kind], found = run_database(kind, settings, wanted, progress, skipped)
        runs += found
    report = Report(settings, all_variants, summarise(runs), skipped)
    text = report.text(args.quick) if output is None else write(report, output, args.quick)
    sys.stdout.write(text)
    sys.stderr.write(f"  took {time.perf_counter() - started:.0f} s\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
