"""Step 02: swap the store, through the factory or with create_test_client."""

import pytest
from litestar import Litestar, get
from litestar.di import NamedDependency, Provide
from litestar.testing import AsyncTestClient, TestClient, create_test_client

from lessons.l17_testing.notes import MemoryNoteStore, NewNote, Note, NoteStore
from lessons.l17_testing.step01_notes import get_note, list_notes
from lessons.l17_testing.step02_factory import app, create_app


# --8<-- [start:filled-store]
@pytest.mark.anyio
async def test_the_factory_takes_a_store_the_test_filled() -> None:
    store = MemoryNoteStore()
    # The store's methods are coroutines: an async test can simply await them.
    await store.add(NewNote(title="Call the plumber", tags=["home"]))
    await store.add(NewNote(title="Quarterly report", tags=["work"]))

    async with AsyncTestClient(create_app(store)) as client:
        work = await client.get("/notes", params={"tag": "work"})
        created = await client.post("/notes", json={"title": "Water the plants"})

    assert work.json() == [{"id": 2, "title": "Quarterly report", "tags": ["work"]}]
    assert created.json()["id"] == 3
    # The app wrote to the test's own object, so the test can look inside it.
    assert [note.title for note in await store.find()][-1] == "Water the plants"


# --8<-- [end:filled-store]


# --8<-- [start:fake-store]
class FakeNoteStore(NoteStore):
    """Canned answers, and a record of what the handlers asked for."""

    def __init__(self) -> None:
        self.asked_for: list[str | None] = []

    async def add(self, new: NewNote) -> Note:
        raise AssertionError("these tests never add")

    async def get(self, note_id: int) -> Note | None:
        return Note(id=note_id, title="canned", tags=[]) if note_id == 7 else None

    async def find(self, tag: str | None = None) -> list[Note]:
        self.asked_for.append(tag)
        return []


def test_create_test_client_builds_an_app_around_a_fake() -> None:
    fake = FakeNoteStore()

    async def provide_fake() -> NoteStore:
        return fake

    # Only the handlers under test, and only the providers this test wants.
    with create_test_client(
        route_handlers=[list_notes, get_note], dependencies={"store": Provide(provide_fake)}
    ) as client:
        client.get("/notes", params={"tag": "home"})
        client.get("/notes")
        found = client.get("/notes/7")
        missing = client.get("/notes/8")

    assert fake.asked_for == ["home", None]  # the query parameter reached the store
    assert found.json() == {"id": 7, "title": "canned", "tags": []}
    assert missing.status_code == 404


# --8<-- [end:fake-store]


def test_the_module_level_app_serves_a_memory_store() -> None:
    with TestClient(app) as client:
        response = client.get("/notes")

    assert response.status_code == 200


# --8<-- [start:pitfall-duck-typing]
def test_a_fake_that_is_not_a_note_store_is_a_500() -> None:
    class DuckStore:  # the same methods, but not a NoteStore subclass
        async def find(self, tag: str | None = None) -> list[Note]:
            return []

    async def provide_duck() -> DuckStore:
        return DuckStore()

    with create_test_client(
        route_handlers=[list_notes],
        dependencies={"store": Provide(provide_duck)},
        logging_config=None,
    ) as client:
        response = client.get("/notes")

    # Litestar checks every dependency against the handler's annotation
    # (NamedDependency[NoteStore]); a failed check is a server error, not a 400.
    assert response.status_code == 500


# --8<-- [end:pitfall-duck-typing]


# --8<-- [start:pitfall-overrides]
def test_a_built_app_ignores_later_changes_to_its_dependencies() -> None:
    async def real() -> str:
        return "real"

    async def fake() -> str:
        return "fake"

    @get("/")
    async def handler(source: NamedDependency[str]) -> str:
        return source

    app = Litestar([handler], dependencies={"source": Provide(real)})
    with pytest.raises(AttributeError):
        app.dependency_overrides = {"source": fake}  # type: ignore[attr-defined]
    app.dependencies["source"] = Provide(fake)  # accepted, and silently ignored

    with TestClient(app) as client:
        assert client.get("/").text == "real"


# --8<-- [end:pitfall-overrides]
