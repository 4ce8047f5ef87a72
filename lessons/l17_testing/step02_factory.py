"""An app factory that takes the dependency a test wants to swap."""

# --8<-- [start:app]
from litestar import Litestar
from litestar.di import Provide

from lessons.l17_testing.notes import MemoryNoteStore, NoteStore
from lessons.l17_testing.step01_notes import add_note, get_note, list_notes


# --8<-- [start:factory]
def create_app(store: NoteStore | None = None) -> Litestar:
    """Build the notes app around `store`: a test passes one it filled or faked."""
    notes = MemoryNoteStore() if store is None else store

    async def provide_store() -> NoteStore:
        return notes

    # Handlers ask for "store" by name; which object answers is decided here.
    return Litestar(
        route_handlers=[add_note, list_notes, get_note],
        dependencies={"store": Provide(provide_store)},
    )


# --8<-- [end:factory]
app = create_app()  # what `litestar run` and `python -m lessons run 17 2` serve
# --8<-- [end:app]
