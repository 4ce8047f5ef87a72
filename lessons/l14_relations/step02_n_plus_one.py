"""Every artist with their albums and genres, in 3 statements however many artists."""

# --8<-- [start:app]
from uuid import UUID

import msgspec
from litestar import Litestar, get
from litestar.di import NamedDependency
from sqlalchemy.orm import selectinload

from lessons.l14_relations.database import DATABASE_URL, close_engine, database
from lessons.l14_relations.models import Album, Artist
from lessons.l14_relations.repositories import (
    REPOSITORIES,
    ArtistRepository,
)
from lessons.l14_relations.statements import CountStatements
from lessons.l14_relations.step01_relationships import add_album, add_artist


class AlbumSummary(msgspec.Struct):
    id: UUID
    title: str
    year: int
    genres: list[str]


class ArtistWithAlbums(msgspec.Struct):
    id: UUID
    name: str
    albums: list[AlbumSummary]


def artist_out(artist: Artist) -> ArtistWithAlbums:
    albums = [
        AlbumSummary(
            album.id, album.title, album.year, sorted(genre.name for genre in album.genres)
        )
        for album in sorted(artist.albums, key=lambda album: (album.year, album.title))
    ]
    return ArtistWithAlbums(id=artist.id, name=artist.name, albums=albums)


# --8<-- [start:list]
# Two levels, each one SELECT ... WHERE ... IN (the ids the level above found):
# artists (1), their albums (2), those albums' genres (3). 3 statements for 1 artist or 500.
ARTIST_WITH_ALL = [selectinload(Artist.albums).selectinload(Album.genres)]


@get("/artists")
async def list_artists(artist_repo: NamedDependency[ArtistRepository]) -> list[ArtistWithAlbums]:
    found = await artist_repo.get_many(load=ARTIST_WITH_ALL, order_by=("name", False))
    return [artist_out(artist) for artist in found]


# --8<-- [end:list]


def create_app(database_url: str = DATABASE_URL) -> Litestar:
    config, plugin = database(database_url)
    return Litestar(
        route_handlers=[add_artist, add_album, list_artists],
        dependencies=REPOSITORIES,
        plugins=[plugin],
        # Every response says how many SQL statements it took: x-sql-statements.
        middleware=[CountStatements()],
        on_shutdown=[close_engine(config)],
    )


app = create_app()
# --8<-- [end:app]
