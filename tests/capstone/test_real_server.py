"""`python -m capstone` as it is deployed: what its log holds, whom it believes about a client's
address, how many streams a user may open, and that SIGTERM ends it with a stream open."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import websockets.sync.client

from lessons.manifest import ROOT
from tests.capstone.conftest import sign_up
from tests.servers import free_port

GUARD_SECONDS = 10.0  # against a hang; never a measurement


@dataclass
class Server:
    base: str
    process: subprocess.Popen[bytes]
    log: Path

    def lines(self) -> list[str]:
        return self.log.read_text().splitlines()


@contextlib.contextmanager
def capstone(tmp_path: Path, **environ: str) -> Iterator[Server]:
    port = free_port()
    log = tmp_path / f"server-{port}.log"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'capstone.sqlite3'}",
        "REDIS_URL": "",
        "APP_ENV": "production",
        "JWT_SECRET": secrets.token_urlsafe(32),
        **environ,
    }
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "capstone", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(f"http://127.0.0.1:{port}", process, log)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.TransportError):
                httpx.get(server.base + "/health", timeout=1)
                break
            assert process.poll() is None, log.read_text()
            time.sleep(0.1)
        yield server
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    environ = {"LOGIN_RATE_LIMIT": "100/minute", "MAX_STREAMS_PER_USER": "1"}
    with capstone(tmp_path_factory.mktemp("server"), **environ) as running:
        yield running


@pytest.fixture
def http(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base, timeout=GUARD_SECONDS, trust_env=False) as client:
        yield client


def attempts_from(http: httpx.Client, addresses: list[str]) -> list[int]:
    # A username each, so that the per-account limit stays out of it.
    return [
        http.post(
            "/auth/login",
            json={"username": f"nobody{n}", "password": "a wrong guess"},
            headers={"X-Forwarded-For": address},
        ).status_code
        for n, address in enumerate(addresses)
    ]


def test_x_forwarded_for_is_not_believed_by_default(tmp_path: Path) -> None:
    # uvicorn believes the header from 127.0.0.1 unless told otherwise: then every
    # attempt would come from a new "address" and none would ever be limited.
    with (
        capstone(tmp_path, LOGIN_RATE_LIMIT="3/minute") as direct,
        httpx.Client(base_url=direct.base, trust_env=False) as http,
    ):
        statuses = attempts_from(http, [f"203.0.113.{n}" for n in range(4)])

    assert statuses == [401, 401, 401, 429]


def test_x_forwarded_for_is_believed_only_from_trusted_proxies(tmp_path: Path) -> None:
    environ = {"LOGIN_RATE_LIMIT": "3/minute", "TRUSTED_PROXIES": "127.0.0.1"}
    with (
        capstone(tmp_path, **environ) as behind_a_proxy,
        httpx.Client(base_url=behind_a_proxy.base, trust_env=False) as http,
    ):
        different = attempts_from(http, [f"203.0.113.{n}" for n in range(4)])
        same = attempts_from(http, ["198.51.100.7"] * 4)

    assert different == [401, 401, 401, 401]  # four clients, one attempt each
    assert same == [401, 401, 401, 429]


def test_every_log_line_is_json_and_no_token_reaches_the_log(
    server: Server, http: httpx.Client
) -> None:
    headers = sign_up(http, "logged")  # type: ignore[arg-type]
    token = headers["Authorization"].removeprefix("Bearer ")
    http.get("/tasks", params={"token": token})
    http.get("/me", headers={**headers, "X-Request-ID": "find-me-1"})
    with http.stream("GET", "/events", params={"token": token}) as stream:
        next(stream.iter_lines())
    # uvicorn logs a WebSocket handshake itself, path and query string included.
    socket_url = server.base.replace("http://", "ws://") + f"/events/ws?token={token}"
    with websockets.sync.client.connect(socket_url, proxy=None, open_timeout=GUARD_SECONDS):
        pass
    time.sleep(0.3)  # the stream's line is written once it has closed

    lines = server.lines()
    entries = [json.loads(line) for line in lines]  # every one of them JSON
    access = [entry for entry in entries if entry["logger"] == "capstone.access"]
    assert token not in server.log.read_text()
    assert "correct horse" not in server.log.read_text()
    assert {"method": "GET", "path": "/me", "status": 200} in [
        {key: entry[key] for key in ("method", "path", "status")}
        for entry in access
        if entry["request_id"] == "find-me-1"
    ]
    assert {entry["path"] for entry in access} >= {"/auth/login", "/tasks", "/events"}
    assert any(entry["logger"].startswith("uvicorn") for entry in entries)  # its own lines too
    assert "/events/ws?token=[redacted]" in server.log.read_text()


def test_a_second_event_stream_of_one_user_is_429(http: httpx.Client) -> None:
    headers = sign_up(http, "streamer")  # type: ignore[arg-type]
    with http.stream("GET", "/events", headers=headers) as first:
        assert first.status_code == 200
        second = http.get("/events", headers=headers)
    with http.stream("GET", "/events", headers=headers) as after_closing:
        third = after_closing.status_code

    assert second.status_code == 429
    assert second.headers["retry-after"] == "10"
    assert third == 200


def test_sigterm_ends_the_server_with_an_event_stream_open(tmp_path: Path) -> None:
    with capstone(tmp_path) as running, httpx.Client(base_url=running.base) as http:
        headers = sign_up(http, "ada")  # type: ignore[arg-type]
        with http.stream("GET", "/events", headers=headers) as stream:
            next(stream.iter_lines())  # subscribed, and open
            started = time.monotonic()
            running.process.send_signal(signal.SIGTERM)
            running.process.wait(timeout=GUARD_SECONDS * 2)
            took = time.monotonic() - started

    assert took < GUARD_SECONDS  # 5 s of grace for the stream, then it is cut
    assert "Finished server process" in running.log.read_text()  # a shutdown, not a kill
