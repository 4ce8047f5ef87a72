"""Start a real server process for a test and stop it afterwards (process group and all)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import httpx

from lessons.manifest import ROOT

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class Started:
    """A server process that answers: for tests that signal it or read its log themselves."""

    process: subprocess.Popen[bytes]
    base: str  # the base URL, http://127.0.0.1:PORT
    log: IO[bytes]  # its stdout and stderr together

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")


@contextlib.contextmanager
def serving(
    command: Sequence[str],
    port: int,
    *,
    ready_path: str = "/",
    timeout: float = 30.0,
    env: dict[str, str] | None = None,
) -> Iterator[str]:
    """Run ``command`` until ``ready_path`` answers on ``port``; yield the base URL."""
    with started(command, port, ready_path=ready_path, timeout=timeout, env=env) as server:
        yield server.base


@contextlib.contextmanager
def started(
    command: Sequence[str],
    port: int,
    *,
    ready_path: str = "/",
    timeout: float = 30.0,
    env: dict[str, str] | None = None,
) -> Iterator[Started]:
    """As ``serving``, but yield the process and its log too; stop it afterwards if it runs."""
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(  # noqa: S603 - the tests build the command themselves
            list(command),
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # so that stopping it stops a reloader's children too
            env={**os.environ, **(env or {})},
        )
        try:
            _wait_until_ready(process, base + ready_path, timeout, log)
            yield Started(process, base, log)
        finally:
            _stop(process)


def _wait_until_ready(
    process: subprocess.Popen[bytes],
    url: str,
    timeout: float,
    log: IO[bytes],
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        with contextlib.suppress(httpx.TransportError):
            httpx.get(url, timeout=1.0)
            return
        time.sleep(0.1)
    log.seek(0)
    output = log.read().decode(errors="replace")
    raise AssertionError(f"server did not answer {url} (exit code {process.poll()}):\n{output}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
