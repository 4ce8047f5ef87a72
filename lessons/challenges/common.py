"""What the capstone challenges' checks share: the app of the copy, users, and the checks that
look past HTTP (the migrations, the layers, the database, the learner's own test).

These run in the checks' subprocess, started in the learner's copy: every ``capstone`` import
here is theirs, so each is made inside a function, never when this module is imported.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

from litestar import Litestar
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

from lessons.kit import CheckFailed, Checks, Client
from lessons.kit.checks import CheckFunction
from lessons.manifest import ROOT

T = TypeVar("T")
DATABASE = "capstone.sqlite3"
SECRET = "challenge-checks-only-" + "s" * 32
# The tables every copy starts with; a challenge adds its own next to them.
SHIPPED_TABLES = frozenset({"alembic_version", "user_account", "task", "idempotency_key"})


def build_app(scratch: Path) -> Litestar:
    """The learner's app, as ``create_app`` builds it, on a new SQLite file in ``scratch``."""
    from argon2 import PasswordHasher  # noqa: PLC0415 - the learner's capstone, imported late

    from capstone.app import create_app  # noqa: PLC0415
    from capstone.config import Settings  # noqa: PLC0415
    from capstone.domain import users  # noqa: PLC0415

    # Real argon2 costs are for production: the checks hash with the smallest legal ones.
    users.PASSWORD_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    app = create_app(
        Settings(database_url=f"sqlite+aiosqlite:///{scratch / DATABASE}", jwt_secret=SECRET)
    )
    app.state.challenge_database = scratch / DATABASE
    return app


def database(client: Client) -> Path:
    path: Path = client.app.state.challenge_database
    return path


def sign_up(client: Client, username: str) -> dict[str, str]:
    """Register and log in; the Authorization header of the new user."""
    credentials = {"username": username, "password": "correct horse"}
    client.post("/auth/register", json=credentials).expect(201)
    token = client.post("/auth/login", json=credentials).expect(200).json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


def user_id(client: Client, headers: dict[str, str]) -> int:
    found: int = client.get("/me", headers=headers).expect(200).json()["id"]
    return found


def new_task(client: Client, headers: dict[str, str], **fields: Any) -> dict[str, Any]:
    task: dict[str, Any] = (
        client.post("/tasks", json={"title": "Water the plants", **fields}, headers=headers)
        .expect(201)
        .json()
    )
    return task


def first_check(checks: Checks) -> CheckFunction:
    """Every challenge's first check: what the capstone did must keep working."""

    @checks.add(
        "tasks keep working: a task's ETag, and a stale If-Match is a 412",
        passes_on_start="what the capstone did must keep working",
    )
    def tasks_keep_working(client: Client) -> None:
        tasks_keep_their_etags(client)

    return tasks_keep_working


def last_checks(checks: Checks, test_file: str) -> tuple[CheckFunction, CheckFunction]:
    """Every challenge's last checks: the layers, then the learner's own test."""

    @checks.add(
        "the layers point down: app -> http -> domain -> storage",
        passes_on_start="the capstone's layers point down as shipped; they must stay so",
    )
    def layers(client: Client) -> None:
        layers_point_down(client)

    @checks.add(f"{test_file} passes on your copy and fails on the capstone as shipped")
    def own_test(client: Client) -> None:
        own_test_decides(client, test_file)

    return layers, own_test


def tasks_keep_their_etags(client: Client) -> None:
    """What the capstone did before must still work: a task, its ETag, a stale If-Match."""
    ada = sign_up(client, "ada")
    created = client.post("/tasks", json={"title": "Keep working"}, headers=ada)
    created.expect(201, headers={"ETag": '"1"'})
    task = f"/tasks/{created.json()['id']}"
    client.get(task, headers=ada).expect(200, headers={"ETag": '"1"'})
    changed = client.patch(task, json={"status": "done"}, headers={**ada, "If-Match": '"1"'})
    changed.expect(200, headers={"ETag": '"2"'})
    stale = client.patch(task, json={"title": "x"}, headers={**ada, "If-Match": '"1"'})
    stale.expect(412, nudge="the tasks' optimistic locking must keep working")


# --- past HTTP: the domain, the database, the migrations, the layers, the learner's test --------


def in_the_domain(client: Client, call: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Run ``call`` with a session of its own on the app's database, then commit."""

    async def run() -> T:
        engine = create_async_engine(f"sqlite+aiosqlite:///{database(client)}")
        try:
            async with AsyncSession(engine, expire_on_commit=False) as session:
                result = await call(session)
                await session.commit()
                return result
        finally:
            await engine.dispose()

    return asyncio.run(run())


def stored(client: Client, value: int | str) -> int:
    """How many cells of the app's database hold ``value`` (of its type): where data went."""
    kind = "integer" if isinstance(value, int) else "text"
    connection = sqlite3.connect(database(client))
    try:
        tables = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        count = 0
        for (table,) in tables.fetchall():
            for column in connection.execute(f'PRAGMA table_info("{table}")').fetchall():
                # Names read from the database itself; the value is a parameter.
                where = f'"{column[1]}" = ? AND typeof("{column[1]}") = ?'
                query = f'SELECT count(*) FROM "{table}" WHERE {where}'  # noqa: S608
                count += connection.execute(query, (value, kind)).fetchone()[0]
    finally:
        connection.close()
    return count


def migrations_match_the_models(client: Client, *, new_table: bool = False) -> None:
    """Upgrade a new database to head; autogenerate against the models must find nothing."""
    from advanced_alchemy.extensions.litestar import AlembicCommands  # noqa: PLC0415
    from alembic.autogenerate import compare_metadata  # noqa: PLC0415
    from alembic.migration import MigrationContext  # noqa: PLC0415
    from sqlalchemy import create_engine  # noqa: PLC0415

    from capstone.config import Settings  # noqa: PLC0415
    from capstone.storage import models  # noqa: PLC0415
    from capstone.storage.database import database_config  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / DATABASE
        config = database_config(Settings(database_url=f"sqlite+aiosqlite:///{path}"))
        request = "alembic upgrade head, on a new database"
        try:
            AlembicCommands(sqlalchemy_config=config).upgrade("head")
        except Exception as error:  # noqa: BLE001 - any failure of their migration
            raise CheckFailed(
                request=request,
                expected="every migration applies",
                received=f"{type(error).__name__}: {error}",
                nudge="run `python -m capstone migrate` in your copy to see the whole error",
            ) from None
        engine = create_engine(f"sqlite:///{path}")
        try:
            with engine.connect() as connection:
                context = MigrationContext.configure(connection, opts={"compare_type": True})
                differences = compare_metadata(context, models.User.metadata)
                tables = set(engine.dialect.get_table_names(connection))
        finally:
            engine.dispose()
    if differences:
        shown = "; ".join(str(difference)[:160] for difference in differences[:3])
        raise CheckFailed(
            request=request + ", then alembic's autogenerate against your models",
            expected="no difference: the migrations make exactly the tables the models describe",
            received=shown,
            nudge="every change to storage/models.py needs a migration in"
            " storage/migrations/versions/ that makes the same change",
        )
    if new_table and not tables - SHIPPED_TABLES:
        raise CheckFailed(
            request=request,
            expected="a table for the new feature, next to " + ", ".join(sorted(SHIPPED_TABLES)),
            received="only " + ", ".join(sorted(tables)),
            nudge="the feature's data needs a model in storage/models.py, and a migration",
        )


def layers_point_down(client: Client) -> None:
    """The capstone's own layer rule (tests/capstone/test_layers.py), over the copy."""
    assert client.folder is not None  # noqa: S101 - a challenge's client always has one
    spec = importlib.util.spec_from_file_location(
        "capstone_layer_rule", ROOT / "tests" / "capstone" / "test_layers.py"
    )
    assert spec is not None  # noqa: S101
    assert spec.loader is not None  # noqa: S101
    rule = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(rule)
    wrong: list[str] = rule.violations(client.folder / "capstone")
    if wrong:
        raise CheckFailed(
            request="the imports of every module in capstone/",
            expected="each points down: app -> http -> domain -> storage, never back or past one",
            received="; ".join(wrong[:3]),
            nudge="http/ may use domain/ only: give the domain a function the route can call",
        )


def own_test_decides(client: Client, test_file: str) -> None:
    """The learner's test passes on their copy and fails on the capstone as shipped."""
    assert client.folder is not None  # noqa: S101 - a challenge's client always has one
    folder = client.folder
    command = f"python -m pytest {test_file}"
    if not (folder / test_file).is_file():
        raise CheckFailed(
            request=command,
            expected=f"your test, in {test_file}",
            received="no such file",
            nudge="write the test the task asks for: the feature's contract, as requests",
        )
    with tempfile.TemporaryDirectory() as scratch:
        shipped = Path(scratch)
        ignored = shutil.ignore_patterns("__pycache__")
        shutil.copytree(ROOT / "capstone", shipped / "capstone", ignore=ignored)
        shutil.copytree(folder / "tests", shipped / "tests", ignore=ignored)
        shutil.copyfile(folder / "pytest.ini", shipped / "pytest.ini")
        # The shipped capstone needs an interpreter of its own; the copy's is this one.
        # Both at once: each is seconds of imports and migrations.
        theirs_run = _pytest(shipped, test_file)
        yours, yours_out = _pytest_here(folder, test_file)
        theirs_run.communicate()
        theirs = theirs_run.returncode
    if yours != 0:
        summary = [
            line for line in yours_out.splitlines() if line.startswith(("FAILED", "ERROR", "E "))
        ]
        raise CheckFailed(
            request=f"{command}, in your copy",
            expected="exit status 0: every test passes",
            received=f"exit status {yours}: "
            + " | ".join(summary[:3] or yours_out.splitlines()[-2:]),
            nudge=f"run `{command}` in {folder.name}/ to see the whole output",
        )
    if theirs in {0, 5}:
        raise CheckFailed(
            request=f"{command}, against the capstone as shipped",
            expected="it fails: without the feature, your test must not pass",
            received="exit status 0: every test passed" if theirs == 0 else "no test ran",
            nudge="test the feature's own requests and answers, not what the capstone did already",
        )


# Only the plugins the capstone's tests use (pytester, in tests/conftest.py, is built in):
# the others installed (schemathesis, coverage, ...) cost seconds to load, and test nothing.
QUIET = {"PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}


def _pytest(folder: Path, test_file: str) -> subprocess.Popen[str]:
    return subprocess.Popen(  # noqa: S603 - our own interpreter, the learner's test file
        [sys.executable, "-m", "pytest", "-q", "-x", test_file],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **QUIET},
    )


def _pytest_here(folder: Path, test_file: str) -> tuple[int, str]:
    """pytest in this process, whose ``capstone`` is the copy's: (exit status, output)."""
    import pytest  # noqa: PLC0415 - only this check needs it

    output = io.StringIO()
    before = dict(os.environ)
    os.environ.update(QUIET)
    try:
        with contextlib.redirect_stdout(output):
            code = pytest.main(["-q", "-x", "--rootdir", str(folder), str(folder / test_file)])
    finally:
        os.environ.clear()
        os.environ.update(before)
    return int(code), output.getvalue()
