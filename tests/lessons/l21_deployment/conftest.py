"""Lesson 21's fixtures: clean PARCELS_ settings, the real servers, a host in transcripts."""

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from bench.lesson21 import GRANIAN, UVICORN, server_command
from lessons.manifest import ROOT
from tests.servers import BIN, Started, free_port, started
from tests.transcripts import Transcript, render_exchange

WORKERS = 2
# Seconds a process may take to answer: a bound for a busy machine, not a timing assertion.
STARTUP_BOUND = 120.0


def uvicorn_command(app: str, port: int, *flags: str) -> list[str]:
    return [str(BIN / "uvicorn"), app, "--port", str(port), *flags]


def server_plans() -> dict[str, tuple[list[str], int, str, dict[str, str]]]:
    """name: (command, port, the path that answers once it is up, its environment)."""
    proxy = "lessons.l21_deployment.step03_proxy:app"
    shutdown = "lessons.l21_deployment.step04_shutdown:app"
    plans: dict[str, tuple[list[str], int, str, dict[str, str]]] = {}

    def plan(name: str, command: list[str], port: int, ready: str, **env: str) -> None:
        plans[name] = (command, port, ready, env)

    for server in (UVICORN, GRANIAN):
        port = free_port()
        plan(server, server_command(server, port, WORKERS), port, "/process")
    port = free_port()
    plan("proxy-default", uvicorn_command(proxy, port, "--no-access-log"), port, "/health")
    port = free_port()
    # Only a proxy at 10.0.0.2 is believed; the tests' requests come from 127.0.0.1.
    named = uvicorn_command(proxy, port, "--no-access-log", "--forwarded-allow-ips", "10.0.0.2")
    plan("proxy-named", named, port, "/health")
    # Patient: reports take 4 s, and a shutdown waits up to 8 s for them. The 4 s leave a
    # busy machine time to see a connection refused while the report is still running.
    port = free_port()
    patient = uvicorn_command(shutdown, port, "--timeout-graceful-shutdown", "8")
    plan("patient", patient, port, "/reports/running", PARCELS_REPORT_SECONDS="4")
    # Hurried: reports take a minute; a shutdown waits 1 s.
    port = free_port()
    hurried = uvicorn_command(shutdown, port, "--timeout-graceful-shutdown", "1")
    plan("hurried", hurried, port, "/reports/running", PARCELS_REPORT_SECONDS="60")
    return plans


# The one-shot commands the tests run, as (command, environment). They run while the servers
# start, for the same reason.
BAD_SETTINGS = {
    "PARCELS_ENVIRONMENT": "prod",
    "PARCELS_WORKERS": "zero",
    "PARCELS_ADMIN_TOKEN": "hunter2",
}
STEP01 = [sys.executable, "-m", "lessons.l21_deployment.step01_settings"]
UPGRADE = [
    *(str(BIN / "litestar"), "--app", "lessons.l21_deployment.step06_migrations:app"),
    *("database", "upgrade", "--no-prompt"),
]


@dataclass(frozen=True)
class Processes:
    servers: dict[str, Started]  # running until the session ends (or a test stops one)
    runs: dict[str, subprocess.CompletedProcess[str]]  # finished
    migrated_url: str  # the database that `litestar database upgrade` migrated


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - the tests build the command themselves
        command, cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="session")
def processes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Processes]:
    """Every real process the lesson's tests use, started once, all at the same time.

    Each takes seconds to import Litestar; side by side they take about as long as the
    slowest. A test that stops its server (step 4's) stops it for good.
    """
    migrated_url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('migrated') / 'p.sqlite3'}"
    commands = {
        "bad-settings": (STEP01, BAD_SETTINGS),
        "upgrade": (UPGRADE, {"PARCELS_DATABASE_URL": migrated_url}),
    }
    with contextlib.ExitStack() as stack, ThreadPoolExecutor(max_workers=8) as pool:
        contexts = {
            name: started(command, port, ready_path=ready, env=env, timeout=STARTUP_BOUND)
            for name, (command, port, ready, env) in server_plans().items()
        }
        starting = {name: pool.submit(context.__enter__) for name, context in contexts.items()}
        running = {name: pool.submit(run, *plan) for name, plan in commands.items()}
        servers: dict[str, Started] = {}
        for name, future in starting.items():
            servers[name] = future.result()
            stack.push(contexts[name].__exit__)
        runs = {name: future.result() for name, future in running.items()}
        yield Processes(servers, runs, migrated_url)


@pytest.fixture
def servers(processes: Processes) -> dict[str, Started]:
    return processes.servers


@pytest.fixture(autouse=True)
def no_parcels_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts from the defaults, whatever PARCELS_ variables the shell has."""
    for name in [name for name in os.environ if name.startswith("PARCELS_")]:
        monkeypatch.delenv(name)


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """A fresh SQLite file per test."""
    return f"sqlite+aiosqlite:///{tmp_path / 'parcels.sqlite3'}"


@pytest.fixture
def unreachable_url(tmp_path: Path) -> str:
    """A database that is down: SQLite cannot open a file in a folder that does not exist."""
    return f"sqlite+aiosqlite:///{tmp_path / 'gone' / 'parcels.sqlite3'}"


def port_of(server: Started) -> int:
    return int(server.base.rpartition(":")[2])


def record_with_host(record: Transcript, response: httpx.Response, host: str) -> httpx.Response:
    """Record an exchange showing the Host header it was sent with (transcripts omit it, and
    Litestar's TestClient takes it out of the request it hands back)."""
    shown = render_exchange(response).replace("$ curl -i ", f"$ curl -i -H 'Host: {host}' ", 1)
    record.add_text(shown)
    return response
