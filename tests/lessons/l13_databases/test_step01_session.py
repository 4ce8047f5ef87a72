"""Step 01: a session per request, and writes that survive because autocommit is on."""

import asyncio
import contextlib
import logging
import sqlite3

from advanced_alchemy.extensions.litestar import SQLAlchemyAsyncConfig, SQLAlchemyPlugin
from litestar import Litestar
from litestar.testing import TestClient
from sqlalchemy import MetaData
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import QueuePool

from lessons.l13_databases.database import close_engine
from lessons.l13_databases.step01_session import add_book, create_app, get_book, list_books
from tests.logs import plugin_log
from tests.transcripts import MakeTranscript

DUNE = {"title": "Dune", "author": "Frank Herbert", "isbn": "9780441172719"}


def test_a_book_added_in_one_request_is_there_in_the_next(
    database_url: str, transcript: MakeTranscript
) -> None:
    record = transcript("l13_databases/session")
    with TestClient(create_app(database_url)) as client:
        added = record(client.post("/books", json=DUNE))
        listed = record(client.get("/books"))
        one = client.get(f"/books/{added.json()['id']}")

    assert added.status_code == 201
    assert added.json() == {"id": 1, **DUNE}
    assert listed.json() == [{"id": 1, **DUNE}]
    assert one.json() == {"id": 1, **DUNE}


def test_the_data_is_in_the_database_file_not_in_memory(database_url: str) -> None:
    with TestClient(create_app(database_url)) as client:
        client.post("/books", json=DUNE)

    # A new app on the same file, as after a restart.
    with TestClient(create_app(database_url)) as client:
        assert client.get("/books").json() == [{"id": 1, **DUNE}]


def test_bad_input_is_a_4xx_and_stores_nothing(
    database_url: str, transcript: MakeTranscript
) -> None:
    record = transcript("l13_databases/session-rejected")
    with TestClient(create_app(database_url)) as client:
        client.post("/books", json=DUNE)
        duplicate = record(client.post("/books", json={**DUNE, "title": "Dune (again)"}))
        bad_isbn = record(client.post("/books", json={**DUNE, "isbn": "978-0441172719"}))
        unknown = client.post("/books", json={**DUNE, "isbn": "9780000000001", "price": 9})
        empty = client.post("/books", json={**DUNE, "isbn": "9780000000002", "title": ""})
        missing = record(client.get("/books/99"))
        listed = client.get("/books").json()

    assert duplicate.status_code == 409
    assert duplicate.json()["detail"] == "ISBN 9780441172719 exists"
    assert bad_isbn.status_code == 400
    assert bad_isbn.json()["extra"][0]["key"] == "isbn"
    assert unknown.status_code == 400
    assert "Object contains unknown field `price`" in unknown.text
    assert empty.status_code == 400
    assert missing.status_code == 404
    assert listed == [{"id": 1, **DUNE}]


def test_without_a_commit_strategy_writes_vanish(database_url: str) -> None:
    # --8<-- [start:pitfall]
    config = SQLAlchemyAsyncConfig(connection_string=database_url, create_all=True)
    app = Litestar(
        [add_book, list_books, get_book],
        plugins=[SQLAlchemyPlugin(config=config)],
        on_shutdown=[close_engine(config)],
    )
    # --8<-- [end:pitfall]

    with TestClient(app) as client:
        added = client.post("/books", json=DUNE)
        listed = client.get("/books")

    # The handler flushed, the database assigned an id, the client got a 201...
    assert added.status_code == 201
    assert added.json()["id"] == 1
    # ...and the session was closed without a commit, so the row was rolled back.
    assert listed.json() == []


def test_a_commit_that_fails_in_the_autocommit_handler_still_answers_201(
    database_url: str,
) -> None:
    # A real failure: while another connection is in the middle of a read, SQLite (in its
    # default journal mode) cannot commit. `timeout=0` says so at once instead of after 5 s.
    path = database_url.removeprefix("sqlite+aiosqlite:///")
    with plugin_log() as logged, TestClient(create_app(f"{database_url}?timeout=0")) as client:
        reader = sqlite3.connect(path, isolation_level=None)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM book").fetchall()
        # Litestar's default logging shows INFO and up: the DEBUG record below is not shown.
        assert logging.getLogger().level == logging.INFO
        added = client.post("/books", json=DUNE)
        # Not committed: the other connection sees no book.
        assert reader.execute("SELECT count(*) FROM book").fetchone() == (0,)
        reader.execute("ROLLBACK")
        reader.close()

    # The client was told its book was created...
    assert (added.status_code, added.json()) == (201, {"id": 1, **DUNE})
    # ...and once the app has stopped, the file has no book.
    with contextlib.closing(sqlite3.connect(path)) as connection:
        assert connection.execute("SELECT count(*) FROM book").fetchone() == (0,)
    # The only trace: a DEBUG record, which a default logging setup does not show.
    assert [(record.levelname, record.getMessage()) for record in logged] == [
        ("DEBUG", "Session commit/rollback failed during cleanup")
    ]
    error = logged[0].exc_info[1] if logged[0].exc_info else None
    assert isinstance(error, OperationalError)
    assert "database is locked" in str(error)


# --8<-- [start:engine-leak]
def test_the_plugin_closes_the_engine_of_only_the_first_config(database_url: str) -> None:
    first, later = (
        SQLAlchemyAsyncConfig(connection_string=database_url, create_all=True) for _ in range(2)
    )
    app = Litestar([list_books], plugins=[SQLAlchemyPlugin(config=later)])

    with TestClient(app) as client:
        client.get("/books")  # checks a connection out of the pool and back in

    # Every config after the first gets a renamed state key ("db_engine_1", ...),
    # and the plugin's shutdown looks under the unrenamed one: nothing is closed.
    assert later.engine_app_state_key != later.engine_dependency_key
    pool = later.get_engine().pool
    assert isinstance(pool, QueuePool)
    assert pool.checkedin() == 1  # still open after shutdown
    asyncio.run(later.get_engine().dispose())  # what close_engine() does on shutdown
    pool = later.get_engine().pool
    assert isinstance(pool, QueuePool)
    assert pool.checkedin() == 0
    assert first.engine_app_state_key != later.engine_app_state_key


# --8<-- [end:engine-leak]


def test_a_configs_metadata_becomes_the_one_later_configs_with_its_key_use(
    database_url: str,
) -> None:
    # Why the exercises give their own metadata a bind_key of its own: without one, it
    # would replace the default metadata, and later apps would create no `book` table.
    own = MetaData()
    SQLAlchemyAsyncConfig(connection_string=database_url, metadata=own, bind_key="pinned")
    later = SQLAlchemyAsyncConfig(connection_string=database_url, bind_key="pinned")

    assert later.metadata is own
    assert SQLAlchemyAsyncConfig(connection_string=database_url).metadata is not own
