"""Step 01: TestClient as a context manager, the same test on AsyncTestClient, and lifespan."""

import asyncio
import threading

import pytest
from litestar import Litestar, get
from litestar.di import Provide
from litestar.testing import AsyncTestClient, TestClient

from lessons.l17_testing.step01_notes import (
    add_note,
    app,
    get_note,
    list_notes,
    open_store,
    provide_store,
)
from tests.transcripts import MakeTranscript

MILK = {"title": "Buy milk", "tags": ["shopping", "home"]}


# --8<-- [start:sync]
def test_a_note_can_be_added_and_read_back(transcript: MakeTranscript) -> None:
    record = transcript("l17_testing/notes")
    # `with` runs the startup hooks (open_store) before the first request and
    # the shutdown hooks after the last one, as a server would.
    with TestClient(app) as client:
        created = record(client.post("/notes", json=MILK))
        fetched = record(client.get("/notes/1"))
        tagged = record(client.get("/notes", params={"tag": "home"}))
        untagged = client.get("/notes", params={"tag": "work"})
        missing = record(client.get("/notes/2"))

    assert created.status_code == 201
    assert created.json() == {"id": 1, **MILK}
    assert fetched.json() == created.json()
    assert tagged.json() == [created.json()]
    assert untagged.json() == []
    assert missing.status_code == 404
    assert missing.json() == {"status_code": 404, "detail": "Note 2 not found"}


# --8<-- [end:sync]


def test_bad_notes_are_400_and_name_the_field(transcript: MakeTranscript) -> None:
    record = transcript("l17_testing/bad-notes")
    with TestClient(app) as client:
        empty_title = record(client.post("/notes", json={"title": ""}))
        bad_tag = record(client.post("/notes", json={"title": "Plan", "tags": ["Big Ideas"]}))
        unknown = client.post("/notes", json={"title": "Plan", "colour": "red"})
        too_many = client.post("/notes", json={"title": "Plan", "tags": ["a"] * 6})
        stored = client.get("/notes").json()

    assert empty_title.json()["extra"] == [
        {"message": "Expected `str` of length >= 1", "key": "title", "source": "body"}
    ]
    assert bad_tag.json()["extra"][0]["key"] == "tags[0]"
    assert unknown.json()["extra"][0]["message"] == "Object contains unknown field `colour`"
    assert too_many.json()["extra"][0]["message"] == "Expected `array` of length <= 5"
    assert {empty_title.status_code, bad_tag.status_code, unknown.status_code} == {400}
    assert too_many.status_code == 400
    assert stored == []  # nothing half-valid was kept


def test_every_with_block_starts_with_an_empty_store() -> None:
    with TestClient(app) as client:
        client.post("/notes", json=MILK)
    with TestClient(app) as client:  # startup ran again: a new MemoryNoteStore
        listed = client.get("/notes")

    assert listed.json() == []


# --8<-- [start:async]
@pytest.mark.anyio  # anyio's pytest plugin runs this coroutine (see conftest.py)
async def test_the_same_round_trip_with_the_async_client() -> None:
    async with AsyncTestClient(app) as client:  # `async with` runs the lifespan too
        created = await client.post("/notes", json=MILK)
        listed = await client.get("/notes")

    assert created.status_code == 201
    assert listed.json() == [{"id": 1, **MILK}]


# --8<-- [end:async]


# --8<-- [start:other-thread]
@pytest.mark.anyio
async def test_even_the_async_client_runs_the_app_in_another_thread() -> None:
    seen: list[tuple[int, asyncio.AbstractEventLoop]] = []

    @get("/where")
    async def where() -> None:
        seen.append((threading.get_ident(), asyncio.get_running_loop()))

    async with AsyncTestClient(Litestar([where])) as client:
        await client.get("/where")

    # Both clients call the app through an anyio portal: its own thread and its
    # own event loop. Things bound to the test's loop (an engine, a connection,
    # an asyncio.Event) cannot be shared with the app; share a URL instead.
    [(thread, loop)] = seen
    assert thread != threading.get_ident()
    assert loop is not asyncio.get_running_loop()


# --8<-- [end:other-thread]


# --8<-- [start:pitfall]
def test_without_with_the_startup_hooks_never_run() -> None:
    fresh = Litestar(
        [add_note, list_notes, get_note],
        dependencies={"store": Provide(provide_store)},
        on_startup=[open_store],
        logging_config=None,
    )

    first = TestClient(fresh)  # the mistake: no `with`
    # No startup, so no store: the provider fails and every request is a 500.
    assert first.get("/notes").status_code == 500

    with TestClient(fresh) as client:  # an earlier test, done right
        client.post("/notes", json=MILK)
    later = TestClient(fresh)  # and a later one, done wrong
    # Still no startup, so no fresh store: the later test sees the earlier one's note.
    assert later.get("/notes").json() == [{"id": 1, **MILK}]


# --8<-- [end:pitfall]
