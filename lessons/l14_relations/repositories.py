"""One repository per model (lesson 13 step 2), all on the request's one session."""

# --8<-- [start:repositories]
from advanced_alchemy.extensions.litestar import repository
from litestar.di import NamedDependency, Provide
from sqlalchemy.ext.asyncio import AsyncSession

from lessons.l14_relations.models import Album, Artist, Genre


class ArtistRepository(repository.SQLAlchemyAsyncRepository[Artist]):
    model_type = Artist


class AlbumRepository(repository.SQLAlchemyAsyncRepository[Album]):
    model_type = Album


class GenreRepository(repository.SQLAlchemyAsyncRepository[Genre]):
    model_type = Genre


# Each provider hands its repository the same `db_session`: one session, one transaction,
# however many repositories a handler asks for (step 3 depends on it).
async def provide_artists(db_session: NamedDependency[AsyncSession]) -> ArtistRepository:
    return ArtistRepository(session=db_session)


async def provide_albums(db_session: NamedDependency[AsyncSession]) -> AlbumRepository:
    return AlbumRepository(session=db_session)


async def provide_genres(db_session: NamedDependency[AsyncSession]) -> GenreRepository:
    return GenreRepository(session=db_session)


# Named artist_repo, not artists: Litestar 2.25 reads a body field's validation error as
# the dependency's when the two share a name, and answers 500 instead of 400 (step 3).
REPOSITORIES = {
    "artist_repo": Provide(provide_artists),
    "album_repo": Provide(provide_albums),
    "genre_repo": Provide(provide_genres),
}
# --8<-- [end:repositories]
