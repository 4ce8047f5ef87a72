"""The notes API on SQLite: the factory takes the database URL, so each test gets its own file."""

# --8<-- [start:app]
from advanced_alchemy.extensions.litestar import (
    SQLAlchemyAsyncConfig,
    SQLAlchemyPlugin,
    base,
    repository,
)
from litestar import Litestar
from litestar.di import NamedDependency, Provide
from sqlalchemy import JSON, String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from lessons.l13_databases.database import close_engine
from lessons.l17_testing.notes import NewNote, Note, NoteStore
from lessons.l17_testing.step01_notes import add_note, get_note, list_notes

DATABASE_URL = "sqlite+aiosqlite:///lesson17.sqlite3"  # a file in the current directory


# --8<-- [start:store]
class NoteRow(base.BigIntBase):
    __tablename__ = "lesson17_note"
    title: Mapped[str] = mapped_column(String(80))
    tags: Mapped[list[str]] = mapped_column(JSON)


class NoteRepository(repository.SQLAlchemyAsyncRepository[NoteRow]):
    model_type = NoteRow


class DatabaseNoteStore(NoteStore):
    """The same interface as the memory store, so step 1's handlers run unchanged."""

    def __init__(self, session: AsyncSession) -> None:
        self._rows = NoteRepository(session=session)

    async def add(self, new: NewNote) -> Note:
        return _note(await self._rows.add(NoteRow(title=new.title, tags=new.tags)))

    async def get(self, note_id: int) -> Note | None:
        # One line on purpose: coverage.py loses track of lines after an await that
        # switches greenlets (SQLAlchemy does) unless told concurrency = greenlet.
        return next(map(_note, await self._rows.get_many(id=note_id)), None)

    async def find(self, tag: str | None = None) -> list[Note]:
        rows = await self._rows.get_many(order_by=("id", False))
        return [_note(row) for row in rows if tag is None or tag in row.tags]


def _note(row: NoteRow) -> Note:
    return Note(id=row.id, title=row.title, tags=row.tags)


async def provide_store(db_session: NamedDependency[AsyncSession]) -> NoteStore:
    return DatabaseNoteStore(db_session)


# --8<-- [end:store]
# --8<-- [start:factory]
def create_app(database_url: str = DATABASE_URL) -> Litestar:
    config = SQLAlchemyAsyncConfig(
        connection_string=database_url, create_all=True, before_send_handler="autocommit"
    )
    return Litestar(
        route_handlers=[add_note, list_notes, get_note],
        dependencies={"store": Provide(provide_store)},
        plugins=[SQLAlchemyPlugin(config=config)],
        # advanced-alchemy 1.12 closes the engine of only the first config in a
        # process; with an app per test, the others would leak (lesson 13).
        on_shutdown=[close_engine(config)],
    )


# --8<-- [end:factory]
app = create_app()
# --8<-- [end:app]
