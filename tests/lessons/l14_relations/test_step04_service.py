"""Step 04: the service and the library's filter dependencies, and where they fall short."""

from advanced_alchemy.exceptions import RepositoryError
from advanced_alchemy.extensions.litestar import filters, providers
from litestar import Litestar, get
from litestar.di import NamedDependency
from litestar.params import SkipValidation
from litestar.testing import TestClient

from lessons.l14_relations.database import close_engine, database
from lessons.l14_relations.repositories import REPOSITORIES
from lessons.l14_relations.step01_relationships import ALBUM_WITH_ALL, add_album, add_artist
from lessons.l14_relations.step04_service import (
    ALBUM_FILTERS,
    MAX_PAGE,
    AlbumService,
    create_app,
)
from tests.lessons.l14_relations import helpers
from tests.lessons.l14_relations.helpers import Client, errors_of, statements
from tests.transcripts import MakeTranscript

TITLES = ["Pastel Blues", "Wild Is the Wind", "Little Girl Blue", "Baltimore", "Silk & Soul"]


def add_albums(client: Client) -> None:
    nina = helpers.add_artist(client, "Nina Simone")
    for year, title in enumerate(TITLES, start=1958):
        helpers.add_album(client, nina, title, year, "jazz", *(["soul"] if "Soul" in title else []))


def titles(response: object) -> list[str]:
    return [album["title"] for album in response.json()["items"]]  # type: ignore[attr-defined]


def test_pages_search_and_order(database_url: str, transcript: MakeTranscript) -> None:
    record = transcript("l14_relations/service")
    with TestClient(create_app(database_url)) as client:
        add_albums(client)
        page = record(client.get("/albums", params={"pageSize": 2, "currentPage": 2}))
        found = client.get("/albums", params={"searchString": "BLUE"})
        newest = client.get("/albums", params={"orderBy": "year", "sortOrder": "desc"})
        past = client.get("/albums", params={"currentPage": 9})
        soul = record(client.get("/albums", params={"genre": "soul"}))

    assert titles(page) == ["Pastel Blues", "Silk & Soul"]  # ordered by title
    assert {key: page.json()[key] for key in ("limit", "offset", "total")} == {
        "limit": 2,
        "offset": 2,
        "total": 5,
    }
    assert titles(found) == ["Little Girl Blue", "Pastel Blues"]  # case ignored
    assert titles(newest)[0] == "Silk & Soul"
    assert past.json()["total"] == 5  # count_with_window_function=False
    # Chosen by a genre, listed with all of theirs.
    assert [(album["title"], album["genres"]) for album in soul.json()["items"]] == [
        ("Silk & Soul", ["jazz", "soul"])
    ]
    assert soul.json()["total"] == 1
    # The count, the page (with its artist joined) and the genres: 3, whatever the page.
    assert statements(page) == statements(found) == 3


def test_the_query_parameters_are_the_librarys_names(database_url: str) -> None:
    with TestClient(create_app(database_url)) as client:
        operation = client.get("/schema/openapi.json").json()["paths"]["/albums"]["get"]

    assert [parameter["name"] for parameter in operation["parameters"]] == [
        "currentPage",
        "pageSize",
        "searchString",
        "searchIgnoreCase",
        "orderBy",
        "sortOrder",
        "genre",
    ]


REFUSED: list[tuple[dict[str, int | str], str]] = [
    ({"pageSize": MAX_PAGE + 1}, "page_size"),
    ({"pageSize": 0}, "page_size"),
    ({"currentPage": 0}, "current_page"),
    ({"currentPage": 10**18}, "current_page"),
    ({"orderBy": "nope"}, "order_by"),
    ({"orderBy": "artist"}, "order_by"),
    ({"sortOrder": "up"}, "sort_order"),
    ({"genre": "Jazz!"}, "genre"),
]


def test_what_the_hand_written_providers_refuse(database_url: str) -> None:
    with TestClient(create_app(database_url)) as client:
        refused = [(client.get("/albums", params=query), key) for query, key in REFUSED]

    for response, key in refused:
        assert response.status_code == 400, response.request.url
        assert response.json()["extra"][0]["key"] == key


def test_the_librarys_own_providers_accept_too_much(database_url: str) -> None:
    @get("/albums-library")
    async def library(
        album_service: NamedDependency[AlbumService],
        filters: NamedDependency[SkipValidation[list[filters.FilterTypes]]],
    ) -> dict[str, int]:
        found, total = await album_service.get_many_and_count(*filters)
        return {"items": len(found), "total": total}

    # Step 4's app without the two hand-written providers: the library's, as they come.
    config, plugin = database(database_url)
    dependencies = providers.create_service_dependencies(
        AlbumService, key="album_service", load=ALBUM_WITH_ALL, filters=ALBUM_FILTERS
    )
    app = Litestar(
        [add_artist, add_album, library],
        dependencies={
            **dependencies,
            **REPOSITORIES,
        },
        plugins=[plugin],
        on_shutdown=[close_engine(config)],
    )
    raised = errors_of(app)
    with TestClient(app, raise_server_exceptions=False) as client:
        add_albums(client)
        # --8<-- [start:library-limits]
        everything = client.get("/albums-library", params={"pageSize": 1_000_000})
        unknown = client.get("/albums-library", params={"orderBy": "nope"})
        # --8<-- [end:library-limits]
        far = client.get("/albums-library", params={"currentPage": 10**18})

    assert everything.status_code == 200  # no upper bound: any page size is accepted
    assert everything.json() == {"items": 5, "total": 5}
    assert unknown.status_code == 500  # any string is taken as a column name
    assert isinstance(raised[-2], RepositoryError)  # from the missing attribute "nope"
    # Page 10**18 of 20 is an offset past SQLite's 64-bit integers: the driver overflows.
    assert far.status_code == 500
    assert isinstance(raised[-1], OverflowError)


def test_the_filters_parameter_needs_skip_validation(database_url: str) -> None:
    app = create_app(database_url)

    @get("/albums-unskipped")
    async def unskipped(filters: NamedDependency[list[filters.FilterTypes]]) -> int:
        return len(filters)  # pragma: no cover - never reached

    app.register(unskipped)
    raised = errors_of(app)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/albums-unskipped")

    assert response.status_code == 500
    assert "Type unions may not contain more than one dataclass" in str(raised[0])
