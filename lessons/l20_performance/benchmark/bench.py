"""Time the codecs and the two endpoints; report each as a ratio against a baseline."""

from __future__ import annotations

import argparse
import asyncio
import functools
import os
import platform
import statistics
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from litestar.types import ASGIApp, HTTPRequestEvent, Message

from lessons.l20_performance import step01_pydantic_list, step02_msgspec_list
from lessons.l20_performance.benchmark import plot
from lessons.l20_performance.benchmark.codecs import Codec, all_codecs
from lessons.manifest import ROOT

COMMAND = "python -m lessons.l20_performance.benchmark"
OUTPUT_DIR = ROOT / "docs" / "assets"
RESULTS_NAME = "l20-benchmark.txt"
PLOT_NAME = "l20-benchmark.png"


@dataclass(frozen=True)
class Settings:
    tasks: int = 100  # tasks per list for the codecs
    limits: tuple[int, ...] = (1, 100)  # ?limit= values for the endpoints
    rounds: int = 41  # medians of this many interleaved rounds
    calls: int = 400  # calls timed together in one round, so the clock's resolution does not matter


# A smoke run: proves every path works in a second; its numbers mean nothing.
QUICK = Settings(tasks=2, limits=(1, 2), rounds=1, calls=1)


@dataclass(frozen=True)
class Result:
    group: str  # what was timed, e.g. "encode 100 tasks"
    subject: str  # who did it, e.g. "msgspec"
    seconds: float  # median seconds per call
    ratio: float  # speed against the group's first subject: 2.0 is twice as fast


# --8<-- [start:interleave]
def interleaved_medians(cases: dict[str, Callable[[], float]], rounds: int) -> dict[str, float]:
    """Run every case once per round, alternating the order (ABCD, DCBA, ABCD, ...).

    A slow moment on a busy machine then hits every case, not just whichever ran
    during it, and the median ignores the rounds it spoiled.
    """
    for case in cases.values():
        case()  # a warm-up round, not recorded: first calls fill caches and build code
    samples: dict[str, list[float]] = {name: [] for name in cases}
    order = list(cases)
    for _ in range(rounds):
        for name in order:
            samples[name].append(cases[name]())
        order.reverse()
    return {name: statistics.median(times) for name, times in samples.items()}


def ratios(medians: dict[str, float]) -> dict[str, float]:
    """Speed against the first case, measured in the same run: never compare across runs."""
    baseline = next(iter(medians.values()))
    return {name: baseline / seconds for name, seconds in medians.items()}


# --8<-- [end:interleave]


def per_call(function: Callable[[], object], calls: int) -> Callable[[], float]:
    """A case for interleaved_medians: the mean time of `calls` calls, in seconds."""

    def timed() -> float:
        start = time.perf_counter()
        for _ in range(calls):
            function()
        return (time.perf_counter() - start) / calls

    return timed


# --8<-- [start:codec-cases]
def codec_results(codecs: Sequence[Codec], settings: Settings) -> list[Result]:
    encoded = {codec.name: codec.encode(codec.sample(settings.tasks)) for codec in codecs}
    results = []
    for verb in ("encode", "decode"):
        cases = {}
        for codec in codecs:
            tasks, data = codec.sample(settings.tasks), encoded[codec.name]
            # Bind this codec's values now; a plain closure would see the last codec's.
            call = (
                (lambda c=codec, t=tasks: c.encode(t))
                if verb == "encode"
                else (lambda c=codec, d=data: c.decode(d))
            )
            cases[codec.name] = per_call(call, settings.calls)
        results += _results(f"{verb} {settings.tasks} tasks", cases, settings)
    return results


# --8<-- [end:codec-cases]


# --8<-- [start:asgi]
async def call_asgi(app: ASGIApp, path: str, query: str = "") -> tuple[int, bytes]:
    """One GET straight into the app: no socket, no server, no HTTP parsing.

    What is left is what the framework and the models cost. These apps have no
    startup hooks, so the lifespan messages are skipped.
    """
    scope: Any = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"bench")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    sent: list[Message] = []

    async def receive() -> HTTPRequestEvent:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    await app(scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, body


# --8<-- [end:asgi]

APPS: dict[str, ASGIApp] = {
    "pydantic (step 1)": step01_pydantic_list.app,
    "msgspec (step 2)": step02_msgspec_list.app,
}


def endpoint_results(settings: Settings) -> list[Result]:
    loop = asyncio.new_event_loop()
    try:
        results = []
        for limit in settings.limits:
            query = f"limit={limit}"

            def requests(app: ASGIApp, query: str = query) -> Awaitable[list[tuple[int, bytes]]]:
                return asyncio.gather(
                    *(call_asgi(app, "/tasks", query) for _ in range(settings.calls))
                )

            cases = {
                name: _timed_in(loop, functools.partial(requests, app), settings.calls)
                for name, app in APPS.items()
            }
            results += _results(f"GET /tasks?{query}", cases, settings)
        return results
    finally:
        loop.close()


def _timed_in(
    loop: asyncio.AbstractEventLoop, batch: Callable[[], Awaitable[object]], calls: int
) -> Callable[[], float]:
    async def run() -> object:
        return await batch()

    def timed() -> float:
        start = time.perf_counter()
        loop.run_until_complete(run())
        return (time.perf_counter() - start) / calls

    return timed


def _results(group: str, cases: dict[str, Callable[[], float]], settings: Settings) -> list[Result]:
    medians = interleaved_medians(cases, settings.rounds)
    speed = ratios(medians)
    return [Result(group, name, medians[name], speed[name]) for name in medians]


# --8<-- [start:table]
def table(results: Sequence[Result], command: str, settings: Settings) -> str:
    versions = " · ".join(
        f"{name} {version(name)}" for name in ("litestar", "pydantic", "msgspec", "attrs")
    )
    lines = [
        f"$ {command}",
        f"Python {platform.python_version()} · {versions} · {os.cpu_count()} CPUs",
        (
            f"rounds: {settings.rounds} interleaved, {settings.calls} calls each;"
            " per call = the median; speed = against the group's first row (higher is faster)"
        ),
    ]
    group = None
    for result in results:
        if result.group != group:
            group = result.group
            lines += ["", f"{group:<28}{'per call':>12}{'speed':>8}"]
        lines.append(f"  {result.subject:<26}{result.seconds * 1e6:>9.1f} µs{result.ratio:>7.2f}x")
    return "\n".join(lines) + "\n"


# --8<-- [end:table]


def run(settings: Settings) -> list[Result]:
    return codec_results(all_codecs(), settings) + endpoint_results(settings)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a smoke run: 2 tasks, 1 round")
    parser.add_argument("--output", type=Path, default=OUTPUT_DIR, help="where to write")
    parser.add_argument("--no-plot", action="store_true", help="write only the table")
    args = parser.parse_args(argv)
    try:
        if not args.no_plot:
            plot.require_matplotlib()  # fail now, not after a minute of measuring
    except plot.PlotUnavailableError as error:
        sys.stderr.write(f"{COMMAND}: error: {error}\n")
        return 2

    settings = QUICK if args.quick else Settings()
    results = run(settings)
    command = " ".join([COMMAND, *(["--quick"] if args.quick else [])])
    text = table(results, command, settings)
    sys.stdout.write(text)
    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / RESULTS_NAME).write_text(text, encoding="utf-8")
    if not args.no_plot:
        plot.save_plot(results, args.output / PLOT_NAME)
    return 0
