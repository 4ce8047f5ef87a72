"""A notes API to test: a store opened at startup, handed to handlers as a dependency."""

# --8<-- [start:app]
from litestar import Litestar, get, post
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from litestar.exceptions import NotFoundException
from litestar.params import FromQuery, JSONBody

from lessons.l17_testing.notes import MemoryNoteStore, NewNote, Note, NoteId, NoteStore


# --8<-- [start:lifespan]
async def open_store(app: Litestar) -> None:
    # A startup hook: every run of the app (and every `with TestClient(app)`) starts empty.
    app.state.notes = MemoryNoteStore()


async def provide_store(state: State) -> NoteStore:
    store: NoteStore = state.notes  # set by open_store; missing if startup never ran
    return store


# --8<-- [end:lifespan]
# --8<-- [start:handlers]
@post("/notes")
async def add_note(data: JSONBody[NewNote], store: NamedDependency[NoteStore]) -> Note:
    return await store.add(data)


@get("/notes")
async def list_notes(
    store: NamedDependency[NoteStore], tag: FromQuery[str | None] = None
) -> list[Note]:
    return await store.find(tag)


@get("/notes/{note_id:int}")
async def get_note(note_id: NoteId, store: NamedDependency[NoteStore]) -> Note:
    note = await store.get(note_id)
    if note is None:
        raise NotFoundException(f"Note {note_id} not found")
    return note


# --8<-- [end:handlers]
app = Litestar(
    route_handlers=[add_note, list_notes, get_note],
    dependencies={"store": Provide(provide_store)},
    on_startup=[open_store],
)
# --8<-- [end:app]
