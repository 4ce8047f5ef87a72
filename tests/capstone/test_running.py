"""`python -m capstone` and `litestar --app capstone.app:create_app run` serve; `migrate` does."""

import contextlib
import json
import logging
import os
import runpy
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
import websockets.exceptions
import websockets.sync.client

from capstone.__main__ import LOG_CONFIG, main
from tests.capstone.conftest import Client
from tests.servers import BIN, free_port, started


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {name for (name,) in rows}


def test_migrate_creates_the_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")

    assert main(["migrate"]) == 0
    assert tables(tmp_path / "db.sqlite3") == {
        "alembic_version",
        "user_account",
        "task",
        "idempotency_key",
    }


def test_serve_migrates_once_then_starts_the_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(
        uvicorn, "run", lambda app, **options: calls.append({"app": app, **options})
    )
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    monkeypatch.setenv("MIGRATE_ON_START", "1")  # and restored after the test

    assert main(["--port", "9000", "--workers", "3"]) == 0

    assert calls == [
        {
            "app": "capstone.app:create_app",
            "factory": True,
            "host": "127.0.0.1",
            "port": 9000,
            "workers": 3,
            "reload": False,
            "ws_max_size": 4 * 1024,  # uvicorn refuses bigger WebSocket messages with 1009
            # X-Forwarded-For is believed from nobody unless TRUSTED_PROXIES names them.
            "proxy_headers": False,
            "forwarded_allow_ips": None,
            "access_log": False,  # the app's own, in JSON, without query strings
            "log_config": LOG_CONFIG,
            "timeout_graceful_shutdown": 5,  # an open event stream cannot hold SIGTERM up
            "limit_concurrency": 1000,
        }
    ]
    # Migrated here, once; the workers are told not to, so they do not race each other.
    assert "task" in tables(tmp_path / "db.sqlite3")
    assert os.environ["MIGRATE_ON_START"] == "0"
    [banner] = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    assert banner["message"] == "Task API on http://127.0.0.1:9000  (Swagger UI: /schema/swagger)"


def test_python_dash_m_capstone_runs_main(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    monkeypatch.setattr(sys, "argv", ["capstone", "migrate"])
    monkeypatch.delitem(sys.modules, "capstone.__main__", raising=False)  # run it afresh

    with pytest.raises(SystemExit) as exit_info:
        runpy.run_module("capstone", run_name="__main__")

    assert exit_info.value.code == 0


@pytest.mark.parametrize("way", ["python -m capstone", "litestar run"])
def test_a_real_server_serves_swagger_and_the_api(tmp_path: Path, way: str) -> None:
    port = free_port()
    command = {
        "python -m capstone": [sys.executable, "-m", "capstone", "--port", str(port)],
        "litestar run": [
            str(BIN / "litestar"),
            "--app",
            "capstone.app:create_app",
            "run",
            "--port",
            str(port),
        ],
    }[way]
    environment = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}"}

    with started(command, port, ready_path="/health", env=environment) as server:
        swagger = httpx.get(f"{server.base}/schema/swagger")
        registered = httpx.post(
            f"{server.base}/auth/register", json={"username": "ada", "password": "secret pass"}
        )
        # A token in the query (as EventSource and browsers' WebSockets send it) is in no line.
        httpx.get(f"{server.base}/tasks", params={"token": "not-in-any-log"})
        socket_url = server.base.replace("http://", "ws://") + "/events/ws?token=not-in-any-log"
        with contextlib.suppress(websockets.exceptions.InvalidStatus):
            websockets.sync.client.connect(socket_url, proxy=None, open_timeout=5).close()
        output = server.output()

    assert swagger.status_code == 200
    assert registered.status_code == 201
    assert "not-in-any-log" not in output
    assert "token=[redacted]" in output  # uvicorn's own WebSocket line, with the token blanked


def test_litestar_database_upgrade_migrates(tmp_path: Path) -> None:
    # advanced-alchemy's CLI plugin, with the app factory and the capstone's Alembic config.
    database = tmp_path / "db.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{database}"}
    command = [str(BIN / "litestar"), "--app", "capstone.app:create_app", "database"]

    subprocess.run([*command, "upgrade", "--no-prompt"], env=env, check=True, timeout=120)  # noqa: S603

    assert tables(database) == {"alembic_version", "user_account", "task", "idempotency_key"}


def test_uvicorns_own_loggers_write_no_access_line_and_no_token(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    # The app's startup put the filter there (the server tests above see its effect).
    with caplog.at_level(logging.INFO):
        logging.getLogger("uvicorn.access").info('"GET /tasks?token=abc HTTP/1.1" 200')
        logging.getLogger("uvicorn.error").info('"WebSocket /events/ws?token=abc" [accepted]')

    assert [record.getMessage() for record in caplog.records] == [
        '"WebSocket /events/ws?token=[redacted]" [accepted]'
    ]
