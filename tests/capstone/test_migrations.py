"""Alembic migrations are the only way the schema changes, and they agree with the models."""

import sqlite3
from pathlib import Path

from advanced_alchemy.extensions.litestar import AlembicCommands

from capstone.config import Settings
from capstone.storage.database import database_config


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {name for (name,) in rows}


def test_upgrade_from_empty_to_head_and_back_down(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    migrations = AlembicCommands(
        database_config(Settings(database_url=f"sqlite+aiosqlite:///{path}"))
    )

    migrations.upgrade("head")
    assert tables(path) == {"alembic_version", "user_account", "task", "idempotency_key"}
    migrations.downgrade("base")
    assert tables(path) == {"alembic_version"}


def test_the_models_and_the_migrations_agree(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    migrations = AlembicCommands(database_config(settings))
    migrations.upgrade("head")

    migrations.check()  # raises if autogenerate would write a migration


def test_the_task_counter_starts_with_the_tasks_users_already_have(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    migrations = AlembicCommands(
        database_config(Settings(database_url=f"sqlite+aiosqlite:///{path}"))
    )
    migrations.upgrade("0001")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO user_account (id, username, password_hash, created_at, updated_at)"
            " VALUES (1, 'ada', 'x', '2026-01-01', '2026-01-01'),"
            " (2, 'bob', 'x', '2026-01-01', '2026-01-01')"
        )
        connection.executemany(
            "INSERT INTO task (owner_id, title, description, priority, priority_rank, status,"
            " version, created_at, updated_at)"
            " VALUES (1, ?, '', 'low', 0, 'pending', 1, '2026-01-01', '2026-01-01')",
            [("one",), ("two",)],
        )

    migrations.upgrade("head")

    with sqlite3.connect(path) as connection:
        counts = connection.execute("SELECT username, task_count FROM user_account ORDER BY id")
        assert counts.fetchall() == [("ada", 2), ("bob", 0)]
