"""Redis goes away for a moment: writes go on, readiness says so, the log says so, events
resume when Redis is back, and shutdown does not wait for a Redis that is not there.

Redis is reached through a TCP proxy the test stops and starts again (tests/tcp_proxy.py).
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from litestar.testing import TestClient
from sqlalchemy.engine import make_url

from capstone.app import create_app
from capstone.config import Settings
from capstone.storage.channels import LiveEvents
from tests.capstone.conftest import TEST_SECRET, sign_up
from tests.capstone.test_operations import JSONLines
from tests.services import require_redis
from tests.tcp_proxy import TCPProxy

GUARD_SECONDS = 10.0  # against a hang; never a measurement


@pytest.fixture
def proxy() -> Iterator[TCPProxy]:
    upstream = make_url(require_redis())
    with TCPProxy(upstream.host or "127.0.0.1", upstream.port or 6379) as running:
        yield running


@pytest.fixture
def settings(tmp_path: Path, proxy: TCPProxy) -> Settings:
    return Settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'capstone.sqlite3'}",
        redis_url=f"redis://127.0.0.1:{proxy.port}/0",
        redis_namespace=f"test-outage-{uuid.uuid4().hex[:8]}",
        jwt_secret=TEST_SECRET,
    )


@contextlib.contextmanager
def capstone_log() -> Iterator[JSONLines]:
    """The app's log lines; entered once the app has started (and configured logging)."""
    handler = JSONLines()
    logging.getLogger("capstone").addHandler(handler)
    try:
        yield handler
    finally:
        logging.getLogger("capstone").removeHandler(handler)


def wait_until(condition: Any, what: str) -> None:
    deadline = time.monotonic() + GUARD_SECONDS
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"not within {GUARD_SECONDS} s: {what}")


def subscribed(channel: str) -> bool:
    with redis.Redis.from_url(require_redis()) as direct:
        return bool(dict(direct.pubsub_numsub(channel))[channel.encode()])


def test_events_resume_after_a_short_redis_outage(settings: Settings, proxy: TCPProxy) -> None:
    app = create_app(settings)
    with TestClient(app) as client, capstone_log() as log:
        ada = sign_up(client)
        channel = app.plugins.get(LiveEvents).channel_of(
            client.get("/me", headers=ada).json()["id"]
        )
        with client.websocket_connect("/events/ws", headers=ada) as socket:
            wait_until(lambda: subscribed(channel), "subscribed")
            before = client.post("/tasks", json={"title": "Before"}, headers=ada).json()
            heard_before = json.loads(socket.receive_text(timeout=GUARD_SECONDS))

            proxy.stop()
            during = client.post("/tasks", json={"title": "During"}, headers=ada)
            not_ready = client.get("/ready")
            proxy.start()

            wait_until(lambda: client.get("/ready").status_code == 200, "ready again")
            # At once: if pub/sub is still reconnecting, the event comes from the history.
            after = client.post("/tasks", json={"title": "After"}, headers=ada).json()
            heard_after = json.loads(socket.receive_text(timeout=GUARD_SECONDS))

    assert heard_before["task"] == before
    assert during.status_code == 201  # the database is fine: writes go on
    assert (not_ready.status_code, not_ready.json()["detail"]) == (
        503,
        "Redis does not answer: live events are paused",
    )
    # The event of the outage is lost (a client re-reads /tasks); the next one arrives.
    assert heard_after["task"] == after
    messages = [line["message"] for line in log.lines]
    assert any(m.startswith("Redis unavailable, live events paused") for m in messages)
    assert any(m.startswith("Redis is back after") for m in messages)


def test_shutdown_does_not_wait_for_a_redis_that_is_gone(
    settings: Settings, proxy: TCPProxy
) -> None:
    client = TestClient(create_app(settings))
    client.__enter__()
    ada = sign_up(client)
    proxy.stop()
    client.post("/tasks", json={"title": "Never published"}, headers=ada)

    stopping = threading.Thread(target=client.__exit__, args=(None, None, None), daemon=True)
    stopping.start()
    stopping.join(GUARD_SECONDS)

    assert not stopping.is_alive(), "shutdown still waiting for Redis"
