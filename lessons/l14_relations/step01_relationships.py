"""Albums with their artist and genres, loaded eagerly in the same request."""

# --8<-- [start:app]
from uuid import UUID

from advanced_alchemy.extensions.litestar import filters
from litestar import Litestar, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from sqlalchemy.orm import joinedload, selectinload

from lessons.l14_relations.database import DATABASE_URL, close_engine, database
from lessons.l14_relations.models import Album, Artist, Genre
from lessons.l14_relations.repositories import (
    REPOSITORIES,
    AlbumRepository,
    ArtistRepository,
    GenreRepository,
)
from lessons.l14_relations.schemas import AlbumOut, ArtistOut, NewAlbum, NewArtist

# --8<-- [start:load]
# What every album answer reads, loaded with the album: joinedload for the one artist
# (a JOIN in the same SELECT), selectinload for the list of genres (one more SELECT ...
# WHERE album_id IN (...), however many albums there are).
ALBUM_WITH_ALL = [joinedload(Album.artist), selectinload(Album.genres)]


def album_out(album: Album) -> AlbumOut:
    # Touches album.artist and album.genres: with lazy="raise" they must be loaded already.
    artist = ArtistOut(id=album.artist.id, name=album.artist.name)
    genres = sorted(genre.name for genre in album.genres)
    return AlbumOut(id=album.id, title=album.title, year=album.year, artist=artist, genres=genres)


@get("/albums/{album_id:uuid}")
async def get_album(
    album_id: FromPath[UUID], album_repo: NamedDependency[AlbumRepository]
) -> AlbumOut:
    return album_out(await album_repo.get(album_id, load=ALBUM_WITH_ALL))  # 404 when missing


# --8<-- [end:load]


@post("/artists")
async def add_artist(
    data: JSONBody[NewArtist], artist_repo: NamedDependency[ArtistRepository]
) -> ArtistOut:
    artist = await artist_repo.add(Artist(name=data.name))  # a duplicate name is a 409
    return ArtistOut(id=artist.id, name=artist.name)


# --8<-- [start:add-album]
@post("/albums")
async def add_album(
    data: JSONBody[NewAlbum],
    artist_repo: NamedDependency[ArtistRepository],
    album_repo: NamedDependency[AlbumRepository],
    genre_repo: NamedDependency[GenreRepository],
) -> AlbumOut:
    await artist_repo.get(data.artist_id)  # 404 for an unknown artist, before writing anything
    # Genres are shared: reuse the stored ones, make only the names not seen before.
    stored = await genre_repo.get_many(filters.CollectionFilter("name", values=list(data.genres)))
    chosen = {genre.name: genre for genre in stored}
    chosen.update({name: Genre(name=name) for name in data.genres - chosen.keys()})
    # Assigning the list is all it takes: the INSERT writes the album_genre pairs too.
    album = Album(
        title=data.title, year=data.year, artist_id=data.artist_id, genres=[*chosen.values()]
    )
    await album_repo.add(album)  # a second album with the same title for this artist: 409
    return album_out(await album_repo.get(album.id, load=ALBUM_WITH_ALL))


# --8<-- [end:add-album]


def create_app(database_url: str = DATABASE_URL) -> Litestar:
    config, plugin = database(database_url)
    return Litestar(
        route_handlers=[add_artist, add_album, get_album],
        dependencies=REPOSITORIES,
        plugins=[plugin],
        on_shutdown=[close_engine(config)],  # lesson 13, "Known quirks"
    )


app = create_app()
# --8<-- [end:app]
