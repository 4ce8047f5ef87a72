"""What the capstone's pages (docs/capstone/*.md) promise, checked against the code.

Each test names the page whose sentence it pins; change the page and the test together.
"""

from __future__ import annotations

import inspect
import logging.config
import re
from pathlib import Path
from typing import Any

import pytest
import uvicorn

import capstone.__main__ as entry
from capstone.config import ConfigurationError, Settings
from lessons.manifest import ROOT
from tests.capstone.conftest import Client

Headers = dict[str, str]
RUNNING = ROOT / "docs" / "capstone" / "running.md"


def settings_table() -> list[str]:
    """The variables in running.md's settings table, in the page's order."""
    return re.findall(r"^\| `([A-Z_]+)` \|", RUNNING.read_text(), flags=re.MULTILINE)


@pytest.fixture
def clean_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No capstone variable set, in a folder where a development start may keep its secret."""
    for name in settings_table():
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_running_the_settings_table_names_every_variable_the_app_reads(clean_env: Path) -> None:
    names = settings_table()
    with pytest.raises(ConfigurationError) as refused:
        Settings.from_env(dict.fromkeys(names, "!!"))  # a bad value for each one

    assert [problem.split()[0] for problem in refused.value.problems] == names
    # ...and the page leaves none out.
    read = re.findall(r'reader\.read\(\s*"([A-Z_]+)"', inspect.getsource(Settings.from_env))
    assert sorted(read) == sorted(names)


def test_running_the_settings_table_defaults(clean_env: Path) -> None:
    settings = Settings.from_env({})

    assert settings.environment == "development"
    assert settings.database_url == "sqlite+aiosqlite:///capstone.sqlite3"
    assert settings.redis_url is None
    assert settings.namespace.startswith("capstone-")  # derived from DATABASE_URL
    assert (clean_env / ".capstone-jwt-secret").read_text().strip() == settings.jwt_secret
    assert settings.token_minutes == 60
    assert settings.migrate_on_start is True
    assert settings.cors_origins == ()
    assert (settings.login_rate_limit, settings.account_login_limit) == ("10/minute", "5/minute")
    assert settings.trusted_proxies == ()
    assert settings.max_streams_per_user == 5
    assert settings.max_body_bytes == 64 * 1024
    assert settings.body_seconds == 10.0


def test_running_production_refuses_only_the_missing_secret(clean_env: Path) -> None:
    with pytest.raises(ConfigurationError) as refused:
        Settings.from_env({"APP_ENV": "production"})

    assert [problem.split()[0] for problem in refused.value.problems] == ["JWT_SECRET"]
    assert not (clean_env / ".capstone-jwt-secret").exists()  # never generated there


@pytest.mark.parametrize("off", ["0", "false", "no", "FALSE"])
def test_running_migrate_on_start_is_turned_off_by_0_false_or_no(off: str, clean_env: Path) -> None:
    assert Settings.from_env({"MIGRATE_ON_START": off}).migrate_on_start is False


def test_running_the_bad_value_example_prints_exactly_what_the_page_shows(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TOKEN_MINUTES", "-5")
    monkeypatch.setenv("CORS_ORIGINS", "*")

    assert entry.main([]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "TOKEN_MINUTES must be a whole number of minutes from 1 to 1440",
        "CORS_ORIGINS must list origins: * would let every website call the API",
    ]
    page = RUNNING.read_text()
    assert all(line in page for line in lines)


def test_decisions_python_dash_m_capstone_serves_with_the_bounds_the_pages_name(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served: dict[str, Any] = {}
    monkeypatch.setenv("MIGRATE_ON_START", "0")  # nothing to migrate: no server starts
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: served.update(options, app=app))
    monkeypatch.setattr(logging.config, "dictConfig", lambda config: None)

    assert entry.main([]) == 0
    assert served["app"] == "capstone.app:create_app"
    assert served["factory"] is True
    assert (served["host"], served["port"], served["workers"]) == ("127.0.0.1", 8000, 1)
    assert served["reload"] is False
    assert served["ws_max_size"] == 4 * 1024  # uvicorn's own default is 16 MiB
    assert served["proxy_headers"] is False  # no TRUSTED_PROXIES: nobody's X-Forwarded-For
    assert served["access_log"] is False
    assert served["timeout_graceful_shutdown"] == 5
    assert served["limit_concurrency"] == 1000


def test_index_litestar_s_command_line_finds_create_app_as_a_factory(clean_env: Path) -> None:
    from litestar.cli._utils import _load_app_from_path  # noqa: PLC0415 - the CLI's own loader

    assert _load_app_from_path("capstone.app:create_app").is_factory


def test_index_and_tour_only_auth_health_ready_and_schema_are_open(client: Client) -> None:
    for path in ("/health", "/ready", "/schema/openapi.json"):
        assert client.get(path).status_code == 200, path
    for path in ("/tasks", "/me", "/events"):
        refused = client.get(path)
        assert refused.status_code == 401, path
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.headers["x-request-id"]


def test_tour_a_token_lives_an_hour_by_default(client: Client, ada: Headers) -> None:
    login = client.post("/auth/login", json={"username": "ada", "password": "correct horse"})

    assert login.json()["expires_in"] == 3600


def test_tour_a_page_is_20_tasks_by_default_and_100_at_most(client: Client, ada: Headers) -> None:
    assert client.get("/tasks", headers=ada).json()["limit"] == 20
    assert client.get("/tasks", params={"limit": 100}, headers=ada).status_code == 200
    for bad in ({"limit": 101}, {"limit": 0}, {"offset": -1}, {"q": "x" * 201}):
        assert client.get("/tasks", params=bad, headers=ada).status_code == 400, bad


def test_running_a_body_over_64_kib_is_a_413(client: Client, ada: Headers) -> None:
    big = b'{"title": "' + b"x" * (64 * 1024) + b'"}'
    refused = client.post(
        "/tasks", content=big, headers={**ada, "content-type": "application/json"}
    )

    assert refused.status_code == 413
    assert refused.headers["content-type"] == "application/problem+json"


def test_decisions_every_limited_answer_carries_the_four_rate_limit_headers(
    client: Client, ada: Headers
) -> None:
    rate_limit_headers = {
        "RateLimit-Limit",
        "RateLimit-Remaining",
        "RateLimit-Reset",
        "RateLimit-Policy",
    }
    login = client.post("/auth/login", json={"username": "ada", "password": "not the password"})

    assert login.status_code == 401
    assert [name for name in rate_limit_headers if name not in login.headers] == []
    health = client.get("/health")
    assert [name for name in rate_limit_headers if name in health.headers] == []
