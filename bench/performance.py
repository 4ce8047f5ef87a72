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

This file serves and loads; bench/performance_variants.py says what is measured and holds
the results, bench/performance_report.py writes the report.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import io
import itertools
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jwt
from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import create_async_engine

from bench.capstone import (
    NEW_TASK,
    Connection,
    cpu_seconds,
    http_request,
    run_async,
    server_pid,
    task_rows,
)
from bench.performance_report import COMMAND, OUTPUT, Report, rendered, write
from bench.performance_variants import (
    ENDPOINTS,
    FILED,
    GET,
    LIST,
    POST,
    POSTGRESQL,
    QUICK,
    SQLITE,
    Load,
    Run,
    Settings,
    Variant,
    summarise,
    variants_for,
)
from bench.served import CONNECTIONS_VARIABLE, OFF_VARIABLE, SOURCE_VARIABLE
from capstone.config import Settings as CapstoneSettings
from capstone.http.auth import AUDIENCE, ISSUER
from capstone.storage.database import database_config, migrate
from capstone.storage.models import Task, User
from lessons.manifest import ROOT
from tests.servers import BIN, free_port, serving
from tests.services import isolated_postgres_database, postgres_problem, postgres_url

SECRET = "benchmark-only-" + "x" * 32  # signs the tokens of a throwaway database


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
            start = time.perf_counter()
            status, body = await connection.send(request)
            latencies.append(time.perf_counter() - start)
            if status != expect:
                errors.append(f"{status} {body[:200].decode(errors='replace')}")
            if time.perf_counter() >= deadline:  # after: every connection is answered at least once
                return

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


# --- the command ------------------------------------------------------------------------------


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
