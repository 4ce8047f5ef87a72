"""Step 01: one-to-many and many-to-many, UUID keys, eager loading and lazy="raise"."""

import sqlite3
import sys
import uuid

import pytest
from advanced_alchemy.base import UUIDv7Base
from advanced_alchemy.mixins import uuid as mixin
from advanced_alchemy.types import UUID_UTILS_INSTALLED
from litestar import get
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.testing import TestClient
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import InvalidRequestError, MissingGreenlet, StatementError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, lazyload

from lessons.l14_relations.models import Artist
from lessons.l14_relations.step01_relationships import create_app
from tests.lessons.l14_relations.helpers import add_album, add_artist, errors_of
from tests.transcripts import MakeTranscript

MISSING = "00000000-0000-4000-8000-0000000000ff"


def test_an_album_comes_with_its_artist_and_genres(
    database_url: str, transcript: MakeTranscript
) -> None:
    record = transcript("l14_relations/relationships")
    with TestClient(create_app(database_url)) as client:
        nina = record(client.post("/artists", json={"name": "Nina Simone"})).json()["id"]
        added = record(
            client.post(
                "/albums",
                json={
                    "title": "Pastel Blues",
                    "year": 1965,
                    "artist_id": nina,
                    "genres": ["soul", "jazz"],
                },
            )
        )
        add_album(client, nina, "Wild Is the Wind", 1966, "jazz")
        fetched = record(client.get(f"/albums/{added.json()['id']}"))

    assert added.status_code == 201
    assert fetched.json() == added.json()
    assert fetched.json()["artist"] == {"id": nina, "name": "Nina Simone"}
    assert fetched.json()["genres"] == ["jazz", "soul"]


def test_genres_are_shared_not_copied(database_url: str) -> None:
    with TestClient(create_app(database_url)) as client:
        nina = add_artist(client, "Nina Simone")
        add_album(client, nina, "Pastel Blues", 1965, "jazz", "soul")
        add_album(client, nina, "Wild Is the Wind", 1966, "jazz")

    with sqlite3.connect(database_url.removeprefix("sqlite+aiosqlite:///")) as connection:
        genres = connection.execute("SELECT name FROM lesson14_genre ORDER BY name").fetchall()
        pairs = connection.execute("SELECT COUNT(*) FROM lesson14_album_genre").fetchone()
    assert genres == [("jazz",), ("soul",)]  # "jazz" once, used by two albums
    assert pairs == (3,)


def test_bad_references_and_duplicates(database_url: str, transcript: MakeTranscript) -> None:
    record = transcript("l14_relations/relationships-rejected")
    with TestClient(create_app(database_url)) as client:
        nina = add_artist(client, "Nina Simone")
        add_album(client, nina, "Pastel Blues", 1965)
        unknown_artist = record(
            client.post("/albums", json={"title": "X", "year": 1965, "artist_id": MISSING})
        )
        twice = record(
            client.post("/albums", json={"title": "Pastel Blues", "year": 1965, "artist_id": nina})
        )
        same_name = client.post("/artists", json={"name": "Nina Simone"})
        not_a_uuid = record(client.get("/albums/42"))
        missing = client.get(f"/albums/{MISSING}")
        bad_genre = client.post(
            "/albums", json={"title": "Y", "year": 1965, "artist_id": nina, "genres": ["Jazz!"]}
        )

    assert unknown_artist.status_code == 404
    assert twice.status_code == same_name.status_code == 409
    assert not_a_uuid.status_code == 404  # {album_id:uuid} does not match "42": no route
    assert missing.status_code == 404
    assert bad_genre.status_code == 400


def test_ids_are_uuids_made_by_python(any_database_url: str) -> None:
    with TestClient(create_app(any_database_url)) as client:
        nina = add_artist(client, "Nina Simone")

    assert uuid.UUID(nina).version == 4
    # advanced-alchemy's GUID type: a native uuid column on PostgreSQL, 16 bytes on SQLite.
    dialect = make_url(any_database_url).get_dialect()()
    shown = Artist.__table__.c.id.type.compile(dialect=dialect)
    assert shown == ("UUID" if dialect.name == "postgresql" else "BINARY(16)")


def test_uuidv7_falls_back_to_uuid4_without_uuid_utils(caplog: pytest.LogCaptureFixture) -> None:
    # UUIDv7Base wants time-ordered v7 ids; before Python 3.14 it needs the uuid-utils
    # package for them, and without it logs a warning and makes v4 ids instead.
    expected = 7 if UUID_UTILS_INSTALLED or sys.version_info >= (3, 14) else 4
    generators = vars(mixin)  # what UUIDv7PrimaryKey's `id` default calls, and uuid4
    assert generators["uuid7"]().version == expected
    assert (generators["uuid7"] is generators["uuid4"]) == (expected == 4)  # uuid4 itself
    if expected == 4:
        # And every model class made from UUIDv7Base says so in the log.
        with caplog.at_level("WARNING", logger="advanced_alchemy"):

            class Probe(UUIDv7Base):
                __abstract__ = True

        assert "`uuid-utils` not installed, falling back to `uuid4`" in caplog.text


# --8<-- [start:lazy]
@get("/lazy/{name:str}")
async def lazy_albums(name: FromPath[str], db_session: NamedDependency[AsyncSession]) -> list[str]:
    # lazyload() turns lazy="raise" back into SQLAlchemy's default: load on first access.
    artist = await db_session.scalar(
        select(Artist).where(Artist.name == name).options(lazyload(Artist.albums))
    )
    assert artist is not None
    return [album.title for album in artist.albums]  # a query, from plain attribute access


@get("/raise/{name:str}")
async def raising_albums(
    name: FromPath[str], db_session: NamedDependency[AsyncSession]
) -> list[str]:
    artist = await db_session.scalar(select(Artist).where(Artist.name == name))
    assert artist is not None
    return [album.title for album in artist.albums]  # lazy="raise": not loaded, so an error


# --8<-- [end:lazy]


# The failed lazy load also leaves the driver's cursor() coroutine never awaited: a
# RuntimeWarning when it is collected, which pytest reports as "unraisable".
@pytest.mark.filterwarnings("ignore:coroutine 'Connection.cursor' was never awaited")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.usefixtures("collect_leftover_coroutines")
def test_lazy_loading_under_asyncio_is_a_missing_greenlet_error(any_database_url: str) -> None:
    app = create_app(any_database_url)
    app.register(lazy_albums)
    app.register(raising_albums)
    raised = errors_of(app)
    with TestClient(app, raise_server_exceptions=False) as client:
        add_album(client, add_artist(client, "Nina Simone"), "Pastel Blues", 1965)
        lazy = client.get("/lazy/Nina Simone")
        raising = client.get("/raise/Nina Simone")

    assert lazy.status_code == raising.status_code == 500
    # The lazy load needs I/O, and a plain attribute access cannot await it.
    # Wrapped in a StatementError on aiosqlite; on asyncpg it comes as it is.
    if any_database_url.startswith("sqlite"):
        assert isinstance(raised[0], StatementError)
        lazy_error = raised[0].orig
    else:
        lazy_error = raised[0]
    assert isinstance(lazy_error, MissingGreenlet)
    assert "greenlet_spawn has not been called; can't call await_() here" in str(lazy_error)
    # lazy="raise" fails the same request at once, and says what is missing.
    assert isinstance(raised[1], InvalidRequestError)
    assert str(raised[1]) == "'Artist.albums' is not available due to lazy='raise'"
    raised.clear()  # the errors' tracebacks hold that coroutine: let it go (see conftest.py)


def test_joinedload_of_a_collection_needs_unique(database_url: str) -> None:
    @get("/joined")
    async def joined(db_session: NamedDependency[AsyncSession]) -> int:
        result = await db_session.scalars(select(Artist).options(joinedload(Artist.albums)))
        return len(result.all())

    app = create_app(database_url)
    app.register(joined)
    raised = errors_of(app)
    with TestClient(app, raise_server_exceptions=False) as client:
        add_album(client, add_artist(client, "Nina Simone"), "Pastel Blues", 1965)
        response = client.get("/joined")

    # One row per (artist, album) comes back from the JOIN; SQLAlchemy will not guess
    # how to fold them into artists: call .unique(), or use selectinload for lists.
    assert response.status_code == 500
    assert "The unique() method must be invoked" in str(raised[0])
