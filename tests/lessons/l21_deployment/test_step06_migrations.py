"""Step 06: `litestar database upgrade` is its own step; /ready waits for the schema it needs."""

import sqlite3

from advanced_alchemy.extensions.litestar import AlembicCommands
from litestar.testing import TestClient

from lessons.l21_deployment.step06_migrations import HEAD, create_app, database_config
from tests.lessons.l21_deployment.conftest import Processes
from tests.transcripts import MakeTranscript


def tables(database_url: str) -> set[str]:
    with sqlite3.connect(database_url.removeprefix("sqlite+aiosqlite:///")) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {name for (name,) in rows}


def test_the_new_version_is_not_ready_until_the_migration_ran(
    database_url: str, transcript: MakeTranscript
) -> None:
    record = transcript("l21_deployment/ready-before-migrating")
    with TestClient(create_app(database_url)) as client:
        response = record(client.get("/ready"))

    assert response.status_code == 503
    assert response.json()["reason"] == f"schema at None, this code needs {HEAD}"
    assert HEAD == "0001"


def test_the_cli_migrates_the_database_named_by_the_setting(
    processes: Processes, transcript: MakeTranscript
) -> None:
    # conftest.py ran UPGRADE with PARCELS_DATABASE_URL set, as the servers will get it:
    # the command builds the app, and so uses the app's own database config.
    result, database_url = processes.runs["upgrade"], processes.migrated_url

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Running upgrade  -> 0001, Create the parcel table." in result.stderr
    assert tables(database_url) == {"alembic_version", "parcel"}

    with sqlite3.connect(database_url.removeprefix("sqlite+aiosqlite:///")) as connection:
        connection.execute("INSERT INTO parcel (tracking_code, status) VALUES ('PX-1', 'sorted')")
    record = transcript("l21_deployment/ready-after-migrating")
    with TestClient(create_app(database_url)) as client:
        ready = record(client.get("/ready"))
        parcel = record(client.get("/parcels/PX-1"))
        missing = client.get("/parcels/PX-2")

    assert ready.json() == {"status": "ready"}
    assert parcel.json() == {"tracking_code": "PX-1", "status": "sorted"}
    assert missing.status_code == 404


def test_a_database_that_does_not_answer_is_not_ready(unreachable_url: str) -> None:
    with TestClient(create_app(unreachable_url)) as client:
        response = client.get("/ready")

    assert response.status_code == 503
    assert response.json()["reason"] == "the database does not answer"


def test_the_migration_goes_down_and_up_and_matches_the_model(database_url: str) -> None:
    migrations = AlembicCommands(sqlalchemy_config=database_config(database_url))

    migrations.upgrade("head")
    migrations.check()  # autogenerate finds nothing the migration lacks
    migrations.downgrade("base")
    assert tables(database_url) == {"alembic_version"}
