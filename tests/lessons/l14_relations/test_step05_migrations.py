"""Step 05: the migration builds the four tables on SQLite and PostgreSQL, matches the models,
and comes back down."""

import asyncio
import os
import subprocess
from pathlib import Path

from advanced_alchemy.extensions.litestar import AlembicCommands
from litestar.testing import TestClient
from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import create_async_engine

from lessons.l14_relations.step05_migrations import create_app, database_config
from lessons.manifest import ROOT
from tests.lessons.l14_relations.helpers import add_album, add_artist, statements
from tests.servers import BIN

TABLES = {"lesson14_artist", "lesson14_album", "lesson14_genre", "lesson14_album_genre"}


def tables_and_album_keys(database_url: str) -> tuple[set[str], list[str]]:
    async def look() -> tuple[set[str], list[str]]:
        engine = create_async_engine(database_url)
        try:
            async with engine.connect() as connection:
                return await connection.run_sync(
                    lambda sync: (
                        set(inspect(sync).get_table_names()),
                        sorted(
                            key["referred_table"]
                            for table in ("lesson14_album", "lesson14_album_genre")
                            if table in inspect(sync).get_table_names()
                            for key in inspect(sync).get_foreign_keys(table)
                        ),
                    )
                )
        finally:
            await engine.dispose()

    return asyncio.run(look())


# --8<-- [start:up-and-down]
def test_upgrade_check_and_downgrade(any_database_url: str) -> None:
    migrations = AlembicCommands(sqlalchemy_config=database_config(any_database_url))

    migrations.upgrade("head")
    tables, points_at = tables_and_album_keys(any_database_url)
    assert tables >= TABLES
    # album -> artist; album_genre -> album and genre: the foreign keys are in the schema.
    assert points_at == ["lesson14_album", "lesson14_artist", "lesson14_genre"]
    migrations.check()  # the models and the migration describe the same schema

    migrations.downgrade("base")
    assert not TABLES & tables_and_album_keys(any_database_url)[0]


# --8<-- [end:up-and-down]


def test_the_app_serves_a_migrated_database(any_database_url: str) -> None:
    AlembicCommands(sqlalchemy_config=database_config(any_database_url)).upgrade("head")

    with TestClient(create_app(any_database_url)) as client:
        nina = add_artist(client, "Nina Simone")
        add_album(client, nina, "Pastel Blues", 1965, "jazz", "soul")
        listed = client.get("/artists")

    assert listed.json()[0]["albums"][0]["genres"] == ["jazz", "soul"]
    assert statements(listed) == 3


def test_sqlite_reads_a_guid_column_back_as_numeric(database_url: str) -> None:
    # Why migrations/env.py compares GUID columns itself on SQLite: BINARY(16) is not a
    # type SQLite's reflection knows, so `alembic check` would see a change on every id.
    AlembicCommands(sqlalchemy_config=database_config(database_url)).upgrade("head")

    async def id_type() -> str:
        engine = create_async_engine(database_url)
        try:
            async with engine.connect() as connection:
                columns = await connection.run_sync(
                    lambda sync: inspect(sync).get_columns("lesson14_artist")
                )
        finally:
            await engine.dispose()
        return str(columns[0]["type"])

    assert asyncio.run(id_type()) == "NUMERIC(16)"


def test_the_cli_command_on_the_page_migrates_the_apps_database(tmp_path: Path) -> None:
    # --8<-- [start:cli]
    command = ["litestar", "--app", "lessons.l14_relations.step05_migrations:app"]
    command += ["database", "upgrade", "--no-prompt"]
    # --8<-- [end:cli]
    # The app's database is lesson14.sqlite3 in the current folder: run it in tmp_path.
    result = subprocess.run(  # noqa: S603 - a fixed command
        [str(BIN / command[0]), *command[1:]],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'lesson14.sqlite3'}"
    assert tables_and_album_keys(database_url)[0] >= TABLES
