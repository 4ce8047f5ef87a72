"""Step 03: a database file per test, checked through the API and behind its back."""

from collections.abc import Iterator

import msgspec
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient, TestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import create_async_engine

from lessons.l17_testing.step03_database import DATABASE_URL, NoteRow, create_app
from tests.lessons.l17_testing.factories import NewNoteFactory
from tests.transcripts import MakeTranscript


# --8<-- [start:client-fixture]
@pytest.fixture
def client(database_url: str) -> Iterator[TestClient[Litestar]]:
    """A running app on this test's own database file, shut down after the test."""
    with TestClient(create_app(database_url)) as client:
        yield client


def test_a_new_database_starts_empty(client: TestClient[Litestar]) -> None:
    assert client.get("/notes").json() == []


def test_writes_are_committed(client: TestClient[Litestar], transcript: MakeTranscript) -> None:
    record = transcript("l17_testing/database")
    created = record(client.post("/notes", json={"title": "Renew passport", "tags": ["home"]}))
    listed = record(client.get("/notes"))

    assert created.status_code == 201
    assert listed.json() == [{"id": 1, "title": "Renew passport", "tags": ["home"]}]


# --8<-- [end:client-fixture]


def test_notes_outlive_the_app(database_url: str) -> None:
    with TestClient(create_app(database_url)) as client:
        client.post("/notes", json={"title": "Renew passport"})
    with TestClient(create_app(database_url)) as client:  # a restart, on the same file
        fetched = client.get("/notes/1")
        missing = client.get("/notes/2")

    assert fetched.json() == {"id": 1, "title": "Renew passport", "tags": []}
    assert missing.status_code == 404


def test_the_default_app_uses_a_file_in_the_current_directory() -> None:
    assert DATABASE_URL == "sqlite+aiosqlite:///lesson17.sqlite3"


# --8<-- [start:behind-the-api]
@pytest.mark.anyio
async def test_a_second_connection_sees_the_committed_row(database_url: str) -> None:
    async with AsyncTestClient(create_app(database_url)) as client:
        await client.post("/notes", json={"title": "Book flights", "tags": ["work"]})

    # The app's engine lives on the app's loop (step 1); this test opens its own
    # engine on its own loop, on the same file, and reads what was committed.
    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as connection:
            rows = (await connection.execute(select(NoteRow.title, NoteRow.tags))).all()
    finally:
        await engine.dispose()  # an engine left open is a ResourceWarning: an error here

    assert [tuple(row) for row in rows] == [("Book flights", ["work"])]


# --8<-- [end:behind-the-api]


# --8<-- [start:factory-data]
def test_filtering_by_tag_on_generated_notes(
    client: TestClient[Litestar], note_factory: type[NewNoteFactory]
) -> None:
    notes = note_factory.batch(20)
    for note in notes:
        assert client.post("/notes", json=msgspec.to_builtins(note)).status_code == 201

    for tag in ["home", "work", "to-read"]:
        found = client.get("/notes", params={"tag": tag}).json()
        expected = [note.title for note in notes if tag in note.tags]
        assert [note["title"] for note in found] == expected


def test_a_reseeded_factory_builds_the_same_notes(note_factory: type[NewNoteFactory]) -> None:
    first = note_factory.batch(5)
    note_factory.seed_random(14)

    assert note_factory.batch(5) == first  # a failure can always be replayed


# --8<-- [end:factory-data]


def test_an_id_sqlite_cannot_store_is_a_400_not_a_500(client: TestClient[Litestar]) -> None:
    response = client.get(f"/notes/{2**63}")  # one past SQLite's largest INTEGER

    assert response.status_code == 400
    assert response.json()["extra"][0]["key"] == "note_id"
