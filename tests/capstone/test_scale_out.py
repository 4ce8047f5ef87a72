"""Scaling out: the capstone on PostgreSQL, its events through Redis, and two server processes
that share both, so that a write through one is heard by a client of the other.

These tests need PostgreSQL and Redis (tests/services.py): they are skipped when either does
not answer, and fail instead when REQUIRE_SERVICES=1.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import redis
import websockets.sync.client
from litestar.testing import TestClient

from capstone.app import create_app
from capstone.config import Settings
from capstone.storage.channels import LiveEvents
from capstone.storage.database import database_config, migrate
from lessons.manifest import ROOT
from tests.capstone.conftest import sign_up
from tests.servers import free_port, serving
from tests.services import (
    isolated_postgres_database,
    postgres_database_names,
    postgres_url,
    require_redis,
)

Headers = dict[str, str]
GUARD_SECONDS = 10.0  # against a hang; never a measurement


@pytest.fixture
def empty_database() -> Iterator[str]:
    """A PostgreSQL database of this test's own, without tables."""
    with isolated_postgres_database() as url:
        yield url


@pytest.fixture
def database_url(empty_database: str) -> str:
    """The test's own PostgreSQL database, migrated."""
    migrate(database_config(Settings(database_url=empty_database)))
    return empty_database


def wait_for_subscriber(redis_url: str, channel: str) -> None:
    """Poll until Redis knows a subscriber of the channel, so no event can be missed."""
    deadline = time.monotonic() + GUARD_SECONDS
    with redis.Redis.from_url(redis_url) as client:
        while time.monotonic() < deadline:
            if dict(client.pubsub_numsub(channel))[channel.encode()] > 0:
                return
            time.sleep(0.05)
    raise AssertionError(f"nobody subscribed to {channel} on {redis_url}")


# --- PostgreSQL --------------------------------------------------------------------------------


def test_an_isolated_database_is_dropped_afterwards() -> None:
    with isolated_postgres_database() as url:
        name = url.rsplit("/", 1)[1]
        during = postgres_database_names(postgres_url())

    assert name in during
    assert name not in postgres_database_names(postgres_url())


def test_crud_on_postgresql(database_url: str) -> None:
    settings = Settings(database_url=database_url, migrate_on_start=False)
    with TestClient(create_app(settings)) as client:
        ada, bob = sign_up(client, "ada"), sign_up(client, "bob")
        created = client.post(
            "/tasks", json={"title": "Write the Report", "priority": "high"}, headers=ada
        )
        path = created.headers["location"]
        read = client.get(path, headers=ada)
        found = client.get("/tasks", params={"q": "report", "sort": "-priority"}, headers=ada)
        hidden = client.get(path, headers=bob)
        changed = client.patch(path, json={"status": "done"}, headers={**ada, "If-Match": '"1"'})
        stale = client.patch(path, json={"title": "Lost"}, headers={**ada, "If-Match": '"1"'})
        deleted = client.delete(path, headers={**ada, "If-Match": '"2"'})
        gone = client.get(path, headers=ada)
        ready = client.get("/ready")

    assert created.status_code == 201
    assert (read.json(), read.headers["etag"]) == (created.json(), '"1"')
    # Case-insensitive search is ILIKE on PostgreSQL, and still finds "Report".
    assert [task["id"] for task in found.json()["items"]] == [created.json()["id"]]
    assert hidden.status_code == 404
    assert (changed.json()["version"], changed.json()["completed_at"] is not None) == (2, True)
    assert (stale.status_code, stale.json()["current"]) == (412, changed.json())
    assert (deleted.status_code, gone.status_code) == (204, 404)
    assert ready.json() == {"status": "ready"}


# --- Redis ---------------------------------------------------------------------------------------


def test_the_redis_backend_delivers_events(database_url: str) -> None:
    redis_url = require_redis()
    settings = Settings(database_url=database_url, redis_url=redis_url, migrate_on_start=False)
    app = create_app(settings)
    with TestClient(app) as client:
        ada = sign_up(client, "ada")
        user_id = client.get("/me", headers=ada).json()["id"]
        with client.websocket_connect("/events/ws", headers=ada) as socket:
            wait_for_subscriber(redis_url, app.plugins.get(LiveEvents).channel_of(user_id))
            created = client.post("/tasks", json={"title": "Through Redis"}, headers=ada)

            event = json.loads(socket.receive_text(timeout=GUARD_SECONDS))

    assert event == {"type": "task.created", "task": created.json()}
    # Shut down, the app has closed its Redis connections too, the one it published with
    # included (Litestar's backend leaves that one open: capstone/app.py closes it).
    pool = app.plugins.get(LiveEvents)._backend._redis.connection_pool  # type: ignore[attr-defined]
    assert not [connection for connection in pool._available_connections if connection.is_connected]


# --- Two processes -------------------------------------------------------------------------------


def log_in(http: httpx.Client, username: str) -> Headers:
    return sign_up(http, username)  # type: ignore[arg-type]


def test_an_event_crosses_from_one_process_to_another(empty_database: str) -> None:
    redis_url = require_redis()
    env = {
        "APP_ENV": "production",
        "DATABASE_URL": empty_database,
        "REDIS_URL": redis_url,
        "JWT_SECRET": secrets.token_urlsafe(32),  # both must verify the other's tokens
        "MIGRATE_ON_START": "0",
    }
    # As a deploy does it: migrate once, then start the servers, which must not migrate.
    migrated = subprocess.run(
        [sys.executable, "-m", "capstone", "migrate"],
        env={**os.environ, **env},
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    assert migrated.returncode == 0, migrated.stderr.decode()

    first_port, second_port = free_port(), free_port()
    with (
        serving(server(first_port), first_port, ready_path="/health", env=env) as first,
        serving(server(second_port), second_port, ready_path="/health", env=env) as second,
        httpx.Client(base_url=first, timeout=GUARD_SECONDS, trust_env=False) as http,
    ):
        ada = log_in(http, "ada")
        user_id = http.get("/me", headers=ada).json()["id"]
        socket_url = second.replace("http://", "ws://") + "/events/ws"
        with websockets.sync.client.connect(
            socket_url, additional_headers=ada, proxy=None, open_timeout=GUARD_SECONDS
        ) as socket:
            namespace = Settings(database_url=empty_database).namespace
            wait_for_subscriber(redis_url, f"{namespace}:user:{user_id}")
            created = http.post("/tasks", json={"title": "Heard next door"}, headers=ada)
            heard: Any = json.loads(socket.recv(timeout=GUARD_SECONDS))
            http.delete(created.headers["location"], headers=ada)
            heard_again: Any = json.loads(socket.recv(timeout=GUARD_SECONDS))

    assert heard == {"type": "task.created", "task": created.json()}
    assert heard_again == {"type": "task.deleted", "task": created.json()}


def server(port: int) -> list[str]:
    return [sys.executable, "-m", "capstone", "--port", str(port)]
