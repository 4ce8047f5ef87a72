"""The notes the lesson's apps store, and the store interface their handlers depend on."""

# --8<-- [start:models]
from abc import ABC, abstractmethod
from typing import Annotated

import msgspec
from litestar.params import PathParameter

# Step 03 keeps notes in SQLite, whose INTEGER ids have 64 signed bits: a bigger id in the
# URL would overflow in the driver (a 500). Bounded here, it is a 400 for every store.
NoteId = Annotated[int, PathParameter(ge=1, le=2**63 - 1)]
# A tag is a slug: lowercase words joined by single dashes. `\Z` ends the match at
# the very end of the string; `$` would also let one trailing newline through.
Tag = Annotated[
    str, msgspec.Meta(min_length=1, max_length=20, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*\Z")
]


class NewNote(msgspec.Struct, forbid_unknown_fields=True):
    title: Annotated[str, msgspec.Meta(min_length=1, max_length=80)]
    tags: Annotated[list[Tag], msgspec.Meta(max_length=5)] = []


class Note(msgspec.Struct):
    id: int
    title: str
    tags: list[str]


# --8<-- [end:models]
# --8<-- [start:store]
class NoteStore(ABC):
    """What handlers need from storage. Tests hand them any subclass: a fake, a database."""

    @abstractmethod
    async def add(self, new: NewNote) -> Note:
        """Store a new note and return it with its id."""

    @abstractmethod
    async def get(self, note_id: int) -> Note | None:
        """The note with this id, or None."""

    @abstractmethod
    async def find(self, tag: str | None = None) -> list[Note]:
        """Every note (with `tag`, when given), oldest first."""


class MemoryNoteStore(NoteStore):
    def __init__(self) -> None:
        self._notes: dict[int, Note] = {}

    async def add(self, new: NewNote) -> Note:
        note = Note(id=len(self._notes) + 1, title=new.title, tags=new.tags)
        self._notes[note.id] = note
        return note

    async def get(self, note_id: int) -> Note | None:
        return self._notes.get(note_id)

    async def find(self, tag: str | None = None) -> list[Note]:
        return [note for note in self._notes.values() if tag is None or tag in note.tags]


# --8<-- [end:store]
