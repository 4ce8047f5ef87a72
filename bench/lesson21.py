"""Lesson 21: one app under uvicorn --workers N and under granian --workers N, side by side.

python -m bench.lesson21 [--quick] [--workers N] [--output FILE]

Both servers run lesson 21's step 2 (`GET /process`, a small JSON answer) on loopback, with
the same number of worker processes and no access log. The load is `bench.capstone`'s closed
loop: `connections` keep-alive connections, each with one request in flight, for `seconds`;
rounds alternate which server goes first, and the medians are kept. No number here is a test
assertion: on a shared two-core machine the load generator competes with the servers for
the same cores, so only the comparison within one run means anything.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import statistics
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from bench.capstone import Endpoint, Load, http_request, load, run_async
from lessons.manifest import ROOT
from tests.servers import BIN, free_port, serving

COMMAND = "python -m bench.lesson21"
APP = "lessons.l21_deployment.step02_workers:app"
OUTPUT = ROOT / "docs" / "assets" / "l21-servers.txt"
UVICORN, GRANIAN = "uvicorn", "granian"


@dataclass(frozen=True)
class Settings:
    workers: int = 2
    rounds: int = 3
    warmup: float = 1.0  # seconds of load on each server before the rounds, not recorded
    seconds: float = 3.0  # measured seconds per round and server
    connections: int = 16


# A smoke run: proves every path works; its numbers mean nothing.
QUICK = Settings(workers=2, rounds=1, warmup=0.1, seconds=0.3, connections=2)


# --8<-- [start:commands]
def server_command(server: str, port: int, workers: int) -> list[str]:
    """The command line each server runs, as a reader would type it (no access log)."""
    if server == UVICORN:
        return [
            *(str(BIN / "uvicorn"), APP, "--host", "127.0.0.1", "--port", str(port)),
            *("--workers", str(workers), "--no-access-log"),
        ]
    # The app lists GranianPlugin, which replaces `litestar run` with granian.
    return [
        *(str(BIN / "litestar"), "--app", APP, "run", "--host", "127.0.0.1"),
        *("--port", str(port), "--wc", str(workers), "--granian-no-access-log"),
    ]


# --8<-- [end:commands]


@contextlib.contextmanager
def serve(server: str, workers: int) -> Iterator[int]:
    """Run one server until the block ends; yield its port."""
    port = free_port()
    with serving(server_command(server, port, workers), port, ready_path="/process"):
        yield port


def measure(port: int, settings: Settings, seconds: float) -> Load:
    request = http_request("GET", "/process", port)
    endpoint = Endpoint(name="GET /process", expect=200, requests=(request,))
    return run_async(load(port, endpoint, settings.connections, seconds, pid=None))


def rounds(ports: Mapping[str, int], settings: Settings) -> dict[str, list[Load]]:
    """Warm every server up, then measure them in turn, the order alternating each round."""
    for port in ports.values():
        measure(port, settings, settings.warmup)
    loads: dict[str, list[Load]] = {name: [] for name in ports}
    names = list(ports)
    for number in range(settings.rounds):
        for name in names if number % 2 == 0 else reversed(names):
            loads[name].append(measure(ports[name], settings, settings.seconds))
    return loads


def table(loads: Mapping[str, Sequence[Load]], settings: Settings) -> str:
    lines = [
        (
            f"{settings.workers} workers each, {settings.connections} connections,"
            f" {settings.rounds} x {settings.seconds:g} s rounds (medians)"
        ),
        f"{'server':<34}{'requests/s':>12}{'p50 ms':>10}{'p99 ms':>10}",
    ]
    for name, runs in loads.items():
        label = f"{name} {version(name)}"
        rps = statistics.median(run.rps for run in runs)
        p50 = statistics.median(run.p50 for run in runs) * 1000
        p99 = statistics.median(run.p99 for run in runs) * 1000
        lines.append(f"{label:<34}{rps:>12,.0f}{p50:>10.2f}{p99:>10.2f}")
    lines.append(
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs (numbers depend on the machine)"
    )
    return "\n".join(lines) + "\n"


def main(
    argv: Sequence[str] | None = None,
    start: Callable[[str, int], contextlib.AbstractContextManager[int]] = serve,
) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run of a few seconds")
    parser.add_argument("--workers", type=int, default=Settings.workers)
    parser.add_argument(
        "--output", type=Path, help=f"where to write the table (default: {OUTPUT}; none if --quick)"
    )
    args = parser.parse_args(argv)
    base = QUICK if args.quick else Settings()
    settings = Settings(**{**vars(base), "workers": args.workers})
    output = args.output or (None if args.quick else OUTPUT)
    with start(UVICORN, settings.workers) as first, start(GRANIAN, settings.workers) as second:
        loads = rounds({UVICORN: first, GRANIAN: second}, settings)
    header = f"$ {' '.join([COMMAND, *(argv if argv is not None else sys.argv[1:])])}\n"
    text = header + table(loads, settings)
    sys.stdout.write(text)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
