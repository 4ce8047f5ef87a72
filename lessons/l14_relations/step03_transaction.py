"""An artist and their albums in one request: both stored, or neither."""

# --8<-- [start:app]
from typing import Annotated

import msgspec
from litestar import Litestar, post
from litestar.di import NamedDependency
from litestar.params import JSONBody

from lessons.l14_relations.database import DATABASE_URL, close_engine, database
from lessons.l14_relations.models import Album, Artist
from lessons.l14_relations.repositories import (
    REPOSITORIES,
    AlbumRepository,
    ArtistRepository,
)
from lessons.l14_relations.schemas import ArtistOut, Name, Title, Year
from lessons.l14_relations.statements import CountStatements
from lessons.l14_relations.step02_n_plus_one import list_artists


class FirstAlbum(msgspec.Struct, forbid_unknown_fields=True):
    title: Title
    year: Year


class NewDiscography(msgspec.Struct, forbid_unknown_fields=True):
    name: Name
    albums: Annotated[list[FirstAlbum], msgspec.Meta(min_length=1, max_length=20)]


# --8<-- [start:handler]
@post("/discographies")
async def add_discography(
    data: JSONBody[NewDiscography],
    artist_repo: NamedDependency[ArtistRepository],
    album_repo: NamedDependency[AlbumRepository],
) -> ArtistOut:
    # Two repositories, one session: both writes are in the request's one transaction.
    # Nothing here commits; the plugin's "autocommit" handler does, once, for a 2xx.
    artist = await artist_repo.add(Artist(name=data.name))
    # A title twice in the list breaks the unique (artist_id, title) constraint: the
    # repository raises, the plugin answers 409, and "autocommit" rolls back both writes.
    await album_repo.add_many(
        [Album(title=a.title, year=a.year, artist_id=artist.id) for a in data.albums]
    )
    return ArtistOut(id=artist.id, name=artist.name)


# --8<-- [end:handler]


def create_app(database_url: str = DATABASE_URL) -> Litestar:
    config, plugin = database(database_url)
    return Litestar(
        route_handlers=[add_discography, list_artists],
        dependencies=REPOSITORIES,
        plugins=[plugin],
        middleware=[CountStatements()],
        on_shutdown=[close_engine(config)],
    )


app = create_app()
# --8<-- [end:app]
