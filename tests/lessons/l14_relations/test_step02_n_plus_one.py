"""Step 02: the statements one request sends, counted: 3 however many artists, or 1 + N."""

import asyncio

import httpx
import pytest
from litestar import get
from litestar.di import NamedDependency
from litestar.testing import AsyncTestClient, TestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import lazyload, selectinload

from lessons.l14_relations.models import Album, Artist
from lessons.l14_relations.step02_n_plus_one import artist_out, create_app
from tests.lessons.l14_relations.helpers import Client, add_album, add_artist, statements
from tests.transcripts import MakeTranscript


def add_artists(client: Client, count: int) -> None:
    for number in range(1, count + 1):
        artist = add_artist(client, f"Artist {number:02d}")
        add_album(client, artist, f"First {number}", 1960 + number, "jazz")
        add_album(client, artist, f"Second {number}", 1970 + number, "jazz", "soul")


def test_artists_with_albums_and_genres(database_url: str, transcript: MakeTranscript) -> None:
    record = transcript("l14_relations/n-plus-one")
    with TestClient(create_app(database_url)) as client:
        add_artists(client, 1)
        listed = record(client.get("/artists"), headers=["x-sql-statements"])

    [artist] = listed.json()
    assert artist["name"] == "Artist 01"
    assert [(album["title"], album["genres"]) for album in artist["albums"]] == [
        ("First 1", ["jazz"]),
        ("Second 1", ["jazz", "soul"]),
    ]


# --8<-- [start:naive]
@get("/artists-naive")
async def naive_artists(db_session: NamedDependency[AsyncSession]) -> list[dict[str, object]]:
    found = await db_session.scalars(select(Artist).options(lazyload(Artist.albums)))
    # awaitable_attrs (AsyncAttrs, part of UUIDBase) makes a lazy load legal under
    # asyncio: each `await` is one SELECT of that artist's albums. N artists, N queries.
    return [
        {"name": artist.name, "albums": len(await artist.awaitable_attrs.albums)}
        for artist in found
    ]


# --8<-- [end:naive]


@pytest.mark.parametrize("artists", [1, 10])
def test_selectinload_takes_3_statements_however_many_artists(
    any_database_url: str, artists: int
) -> None:
    app = create_app(any_database_url)
    app.register(naive_artists)
    with TestClient(app) as client:
        add_artists(client, artists)
        fixed = client.get("/artists")
        naive = client.get("/artists-naive")

    assert len(fixed.json()) == len(naive.json()) == artists
    # --8<-- [start:counts]
    assert statements(fixed) == 3  # artists, their albums, those albums' genres
    assert statements(naive) == 1 + artists  # the N+1: one more SELECT per artist
    # --8<-- [end:counts]


def test_forgetting_the_second_level_is_caught_by_lazy_raise(database_url: str) -> None:
    @get("/artists-half")
    async def half(db_session: NamedDependency[AsyncSession]) -> list[object]:
        found = await db_session.scalars(select(Artist).options(selectinload(Artist.albums)))
        return [artist_out(artist) for artist in found]  # reads album.genres: not loaded

    app = create_app(database_url)
    app.register(half)
    with TestClient(app, raise_server_exceptions=False) as client:
        add_artists(client, 2)
        response = client.get("/artists-half")

    # With lazy="raise" the mistake is a 500 on the first request that makes it, in
    # every test; with the default lazy="select" it would be N hidden queries, or
    # MissingGreenlet under asyncio.
    assert response.status_code == 500


def test_overlapping_requests_count_their_own_statements(database_url: str) -> None:
    async def both() -> list[httpx.Response]:
        async with AsyncTestClient(create_app(database_url)) as client:
            await client.post("/artists", json={"name": "Nina Simone"})
            lists = [client.get("/artists") for _ in range(5)]
            refused = [client.post("/artists", json={"name": ""}) for _ in range(5)]
            return list(await asyncio.gather(*lists, *refused))

    responses = asyncio.run(both())

    # Run together, each still says its own count: the context variable is per request.
    assert [statements(response) for response in responses] == [2] * 5 + [0] * 5


def test_every_response_says_how_many_statements_it_took(database_url: str) -> None:
    with TestClient(create_app(database_url)) as client:
        empty = client.get("/artists")
        invalid = client.post("/artists", json={"name": ""})

    assert statements(empty) == 1  # no artists: nothing to load below them
    assert statements(invalid) == 0  # rejected before any query
    assert Album.__tablename__ in Album.metadata.tables
