"""A service with filter dependencies: pages, search, sorting and a genre, from the query."""

# --8<-- [start:app]
from typing import Annotated, Literal

from advanced_alchemy.extensions.litestar import filters, providers, service
from advanced_alchemy.service import OffsetPagination
from litestar import Litestar, get
from litestar.di import NamedDependency, Provide
from litestar.params import QueryParameter, SkipValidation

from lessons.l14_relations.database import DATABASE_URL, close_engine, database
from lessons.l14_relations.models import Album, Genre
from lessons.l14_relations.repositories import REPOSITORIES, AlbumRepository
from lessons.l14_relations.schemas import AlbumOut
from lessons.l14_relations.statements import CountStatements
from lessons.l14_relations.step01_relationships import (
    ALBUM_WITH_ALL,
    add_album,
    add_artist,
    album_out,
)

MAX_PAGE = 50
MAX_PAGES = 100_000
KEYS = providers.DEPENDENCY_DEFAULTS  # "limit_offset_filter", "order_by_filter", ...


# --8<-- [start:service]
# The service is where rules about albums would go (lesson 13 step 3). The provider below
# builds one per request with ALBUM_WITH_ALL, so no handler can forget the artist or genres.
class AlbumService(service.SQLAlchemyAsyncRepositoryService[Album, AlbumRepository]):
    repository_type = AlbumRepository


ALBUM_FILTERS = providers.FilterConfig(
    pagination_type="limit_offset",  # ?currentPage=1&pageSize=10
    pagination_size=10,
    search="title",  # ?searchString=blue (a LIKE over title)
    search_ignore_case=True,
    sort_field="title",  # ?orderBy=year&sortOrder=desc
    sort_order="asc",
)


# Two of the library's providers accept too much, so the same keys get hand-written ones:
# its pageSize has no upper bound (?pageSize=1000000 loads the whole table), and its
# orderBy takes any string (?orderBy=nope is a 500). Bounded, and a closed list of fields:
def bounded_page(
    # Bounded too: page 10**18 would be an offset past SQLite's 64-bit integers, a 500.
    current_page: Annotated[int, QueryParameter(ge=1, le=MAX_PAGES, name="currentPage")] = 1,
    page_size: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE, name="pageSize")] = 10,
) -> filters.LimitOffset:
    return filters.LimitOffset(limit=page_size, offset=page_size * (current_page - 1))


def known_order(
    order_by: Annotated[Literal["title", "year"], QueryParameter(name="orderBy")] = "title",
    sort_order: Annotated[Literal["asc", "desc"], QueryParameter(name="sortOrder")] = "asc",
) -> filters.OrderBy:
    return filters.OrderBy(field_name=order_by, sort_order=sort_order)


DEPENDENCIES = {
    # Provides `album_service` (the service, with the loads) and every filter of ALBUM_FILTERS,
    # plus `filters`, the list of them all, for the handler.
    **providers.create_service_dependencies(
        AlbumService,
        key="album_service",
        load=ALBUM_WITH_ALL,
        filters=ALBUM_FILTERS,
        count_with_window_function=False,  # a right total past the last page (lesson 13)
    ),
    KEYS.LIMIT_OFFSET_FILTER_DEPENDENCY_KEY: Provide(bounded_page, sync_to_thread=False),
    KEYS.ORDER_BY_FILTER_DEPENDENCY_KEY: Provide(known_order, sync_to_thread=False),
}
# --8<-- [end:service]


# --8<-- [start:list]
@get("/albums")
async def list_albums(
    album_service: NamedDependency[AlbumService],
    # SkipValidation: Litestar cannot validate a union of filter classes (a TypeError, a
    # 500), and it need not: the filters come from the providers above, not the client.
    filters: NamedDependency[SkipValidation[list[filters.FilterTypes]]],
    genre: Annotated[str | None, QueryParameter(max_length=50, pattern=r"^[a-z-]+$")] = None,
) -> OffsetPagination[AlbumOut]:
    # A condition on a relationship: `.any()` is an EXISTS over album_genre. It chooses the
    # albums and leaves each album's own genres alone, which ALBUM_WITH_ALL loads in full.
    chosen = [] if genre is None else [Album.genres.any(Genre.name == genre)]
    found, total = await album_service.get_many_and_count(*filters, *chosen)
    page = album_service.to_schema(found, total, filters=filters)  # limit, offset from filters
    return OffsetPagination(
        items=[album_out(album) for album in page.items],
        limit=page.limit,
        offset=page.offset,
        total=page.total,
    )


# --8<-- [end:list]


def create_app(database_url: str = DATABASE_URL) -> Litestar:
    config, plugin = database(database_url)
    return Litestar(
        route_handlers=[add_artist, add_album, list_albums],
        dependencies={
            **DEPENDENCIES,
            **REPOSITORIES,  # for POST /artists and POST /albums
        },
        plugins=[plugin],
        middleware=[CountStatements()],
        on_shutdown=[close_engine(config)],
    )


app = create_app()
# --8<-- [end:app]
