"""Settings come from the environment: a bad value is one line naming its variable, and no
secret anyone can read ever signs a token."""

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from capstone.__main__ import main
from capstone.config import (
    LOCAL_SECRET_FILE,
    PUBLIC_SECRETS,
    ConfigurationError,
    Settings,
    _write_once,
)
from lessons.manifest import ROOT

STRONG = "x" * 40


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # where a development start keeps its secret
    return tmp_path


def test_defaults_are_a_local_development_setup(in_tmp: Path) -> None:
    settings = Settings.from_env({})

    assert settings.database_url == "sqlite+aiosqlite:///capstone.sqlite3"
    assert (settings.redis_url, settings.is_production, settings.migrate_on_start) == (
        None,
        False,
        True,
    )
    assert settings.trusted_proxies == ()  # X-Forwarded-For is believed from nobody


def test_a_development_start_generates_a_secret_and_keeps_it_in_a_private_file(
    in_tmp: Path,
) -> None:
    first = Settings.from_env({})
    second = Settings.from_env({})
    secret_file = in_tmp / LOCAL_SECRET_FILE

    assert first.jwt_secret == second.jwt_secret == secret_file.read_text().strip()
    assert len(first.jwt_secret) >= 32
    assert first.jwt_secret not in PUBLIC_SECRETS
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    # Ignored by git, so nobody commits it.
    ignored = (ROOT / ".gitignore").read_text().splitlines()
    assert str(LOCAL_SECRET_FILE) in ignored


def test_settings_built_in_code_get_a_secret_nobody_knows() -> None:
    assert Settings().jwt_secret != Settings().jwt_secret
    assert "jwt_secret" not in repr(Settings())


def test_every_setting_has_a_variable() -> None:
    settings = Settings.from_env(
        {
            "APP_ENV": "production",
            "DATABASE_URL": "postgresql+asyncpg://app@db/tasks",
            "REDIS_URL": "redis://cache:6379/0",
            "REDIS_NAMESPACE": "tasks-prod",
            "JWT_SECRET": STRONG,
            "TOKEN_MINUTES": "15",
            "MIGRATE_ON_START": "0",
            "CORS_ORIGINS": "https://a.example, https://b.example:8443",
            "LOGIN_RATE_LIMIT": "20/minute",
            "ACCOUNT_LOGIN_LIMIT": "3/hour",
            "TRUSTED_PROXIES": "10.0.0.1, 10.1.0.0/16",
            "MAX_STREAMS_PER_USER": "2",
        }
    )

    assert settings == Settings(
        environment="production",
        database_url="postgresql+asyncpg://app@db/tasks",
        redis_url="redis://cache:6379/0",
        redis_namespace="tasks-prod",
        jwt_secret=STRONG,
        token_minutes=15,
        migrate_on_start=False,
        cors_origins=("https://a.example", "https://b.example:8443"),
        login_rate_limit="20/minute",
        account_login_limit="3/hour",
        trusted_proxies=("10.0.0.1", "10.1.0.0/16"),
        max_streams_per_user=2,
    )
    assert settings.namespace == "tasks-prod"


def test_the_redis_namespace_differs_between_deployments_by_default() -> None:
    one = Settings(database_url="postgresql+asyncpg://app@db/one")
    other = Settings(database_url="postgresql+asyncpg://app@db/other")

    assert one.namespace != other.namespace
    assert one.namespace == Settings(database_url="postgresql+asyncpg://app@db/one").namespace


@pytest.mark.parametrize(
    ("environ", "line"),
    [
        ({"APP_ENV": "production", "JWT_SECRET": ""}, "JWT_SECRET must be set when APP_ENV"),
        ({"JWT_SECRET": "short"}, "JWT_SECRET must be a random value of 32 or more characters"),
        (
            {"JWT_SECRET": next(iter(PUBLIC_SECRETS))},
            "JWT_SECRET is a secret published in this repository",
        ),
        ({"APP_ENV": "staging"}, "APP_ENV must be development or production, not 'staging'"),
        ({"TOKEN_MINUTES": "abc"}, "TOKEN_MINUTES must be a whole number of minutes"),
        ({"TOKEN_MINUTES": "0"}, "TOKEN_MINUTES must be a whole number of minutes"),
        ({"TOKEN_MINUTES": "-5"}, "TOKEN_MINUTES must be a whole number of minutes"),
        ({"TOKEN_MINUTES": "100000"}, "TOKEN_MINUTES must be a whole number of minutes"),
        ({"CORS_ORIGINS": "*"}, "CORS_ORIGINS must list origins: * would let every website"),
        ({"CORS_ORIGINS": "https://a.example/path"}, "CORS_ORIGINS must be origins such as"),
        ({"DATABASE_URL": "not a url"}, "DATABASE_URL is not a URL"),
        ({"DATABASE_URL": "postgresql://u:hunter2@db/x"}, "DATABASE_URL must start with"),
        ({"REDIS_URL": "http://cache"}, "REDIS_URL must start with redis, rediss, unix://"),
        ({"REDIS_NAMESPACE": "a b"}, "REDIS_NAMESPACE must be 1 to 64 of"),
        ({"MIGRATE_ON_START": "maybe"}, "MIGRATE_ON_START must be 1 or 0"),
        ({"LOGIN_RATE_LIMIT": "lots"}, "LOGIN_RATE_LIMIT must look like 5/minute"),
        ({"ACCOUNT_LOGIN_LIMIT": "0/minute"}, "ACCOUNT_LOGIN_LIMIT must look like 5/minute"),
        ({"TRUSTED_PROXIES": "proxy.local"}, "TRUSTED_PROXIES must be IP addresses or networks"),
        ({"MAX_STREAMS_PER_USER": "0"}, "MAX_STREAMS_PER_USER must be a whole number"),
    ],
)
def test_a_bad_value_is_one_line_naming_its_variable(
    in_tmp: Path, environ: dict[str, str], line: str
) -> None:
    with pytest.raises(ConfigurationError) as refused:
        Settings.from_env({"JWT_SECRET": STRONG, **environ})

    [problem] = refused.value.problems
    assert problem.startswith(line)
    assert "hunter2" not in problem  # a password in a URL is never echoed


def test_every_bad_value_is_reported_at_once(in_tmp: Path) -> None:
    with pytest.raises(ConfigurationError) as refused:
        Settings.from_env({"TOKEN_MINUTES": "abc", "CORS_ORIGINS": "*", "APP_ENV": "prod"})

    assert [line.split()[0] for line in refused.value.problems] == [
        "APP_ENV",
        "TOKEN_MINUTES",
        "CORS_ORIGINS",
    ]


def test_a_spoiled_secret_file_is_reported(in_tmp: Path) -> None:
    (in_tmp / LOCAL_SECRET_FILE).write_text("short\n")

    with pytest.raises(ConfigurationError, match="holds no usable secret"):
        Settings.from_env({})


def run_capstone(tmp_path: Path, *args: str, **environ: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"JWT_SECRET", "APP_ENV"}}
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "capstone", *args],
        env={**clean, "PYTHONPATH": str(ROOT), **environ},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_python_dash_m_capstone_prints_one_line_per_bad_value_and_exits_2(
    tmp_path: Path,
) -> None:
    done = run_capstone(tmp_path, "migrate", TOKEN_MINUTES="-5", CORS_ORIGINS="*")

    assert done.returncode == 2
    assert done.stdout == ""
    assert [line.split()[0] for line in done.stderr.splitlines()] == [
        "TOKEN_MINUTES",
        "CORS_ORIGINS",
    ]


def test_a_database_that_cannot_be_reached_is_one_line_too(tmp_path: Path) -> None:
    done = run_capstone(
        tmp_path, "migrate", DATABASE_URL="postgresql+asyncpg://app:hunter2@127.0.0.1:1/x"
    )

    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert line.startswith("DATABASE_URL could not be migrated: ")
    assert "hunter2" not in line


def test_workers_starting_together_share_one_generated_secret(in_tmp: Path) -> None:
    # uvicorn --workers 4 builds one app per worker, at the same moment.
    results: list[str] = []
    threads = [
        threading.Thread(target=lambda: results.append(Settings.from_env({}).jwt_secret))
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(results) == 8
    assert len(set(results)) == 1
    assert sorted(p.name for p in in_tmp.iterdir()) == [str(LOCAL_SECRET_FILE)]  # no drafts


def test_main_prints_one_line_per_bad_value_and_returns_2(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TOKEN_MINUTES", "abc")
    monkeypatch.setenv("CORS_ORIGINS", "*")

    assert main(["migrate"]) == 2
    assert [line.split()[0] for line in capsys.readouterr().err.splitlines()] == [
        "TOKEN_MINUTES",
        "CORS_ORIGINS",
    ]


def test_main_names_a_database_it_cannot_migrate(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+asyncpg://app:hunter2@127.0.0.1:1/x")
    monkeypatch.setenv("JWT_SECRET", STRONG)

    assert main(["--port", "9000"]) == 2  # serve migrates first, and stops there
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("DATABASE_URL could not be migrated: ")
    assert "hunter2" not in line


def test_a_secret_file_made_meanwhile_by_another_process_wins(tmp_path: Path) -> None:
    target = tmp_path / "secret"
    _write_once(target, "first\n")
    _write_once(target, "second\n")  # another worker, a moment later: it reads the first

    assert target.read_text() == "first\n"
    assert [p.name for p in tmp_path.iterdir()] == ["secret"]
