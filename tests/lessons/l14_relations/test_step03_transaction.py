"""Step 03: two repositories, one transaction: a failed second write undoes the first."""

from litestar import post
from litestar.di import NamedDependency, Provide
from litestar.params import JSONBody
from litestar.testing import TestClient
from sqlalchemy.ext.asyncio import AsyncSession

from lessons.l14_relations.models import Album, Artist
from lessons.l14_relations.repositories import AlbumRepository, ArtistRepository
from lessons.l14_relations.step03_transaction import NewDiscography, create_app
from tests.transcripts import MakeTranscript

NINA = {"name": "Nina Simone", "albums": [{"title": "Pastel Blues", "year": 1965}]}
# The second album repeats the first's title: the albums' INSERT fails.
MILES = {
    "name": "Miles Davis",
    "albums": [{"title": "Kind of Blue", "year": 1959}, {"title": "Kind of Blue", "year": 1960}],
}


def test_both_writes_or_neither(any_database_url: str) -> None:
    with TestClient(create_app(any_database_url)) as client:
        stored = client.post("/discographies", json=NINA)
        failed = client.post("/discographies", json=MILES)
        listed = client.get("/artists")

    assert stored.status_code == 201
    assert failed.status_code == 409
    # The artist's INSERT had succeeded inside the transaction; the rollback undid it.
    assert [artist["name"] for artist in listed.json()] == ["Nina Simone"]


def test_the_transcript(database_url: str, transcript: MakeTranscript) -> None:
    record = transcript("l14_relations/transaction")
    with TestClient(create_app(database_url)) as client:
        record(client.post("/discographies", json=NINA))
        record(client.post("/discographies", json=MILES))
        listed = record(client.get("/artists"))

    assert len(listed.json()) == 1


# --8<-- [start:early-commit]
@post("/discographies-early")
async def add_discography_early(
    data: JSONBody[NewDiscography],
    artist_repo: NamedDependency[ArtistRepository],
    album_repo: NamedDependency[AlbumRepository],
) -> None:
    # auto_commit=True commits the session right after this INSERT: the artist is stored
    # for good before the albums are even tried.
    artist = await artist_repo.add(Artist(name=data.name), auto_commit=True)
    await album_repo.add_many(
        [Album(title=a.title, year=a.year, artist_id=artist.id) for a in data.albums]
    )


# --8<-- [end:early-commit]


def test_committing_the_first_write_early_leaves_half_a_discography(any_database_url: str) -> None:
    app = create_app(any_database_url)
    app.register(add_discography_early)
    with TestClient(app) as client:
        failed = client.post("/discographies-early", json=MILES)
        listed = client.get("/artists").json()

    assert failed.status_code == 409
    assert [(artist["name"], artist["albums"]) for artist in listed] == [("Miles Davis", [])]


def test_a_dependency_named_like_a_body_field_turns_its_400_into_a_500(database_url: str) -> None:
    async def provide(db_session: NamedDependency[AsyncSession]) -> AlbumRepository:
        return AlbumRepository(session=db_session)

    @post("/discographies-clash", dependencies={"albums": Provide(provide)})
    async def clash(
        data: JSONBody[NewDiscography], albums: NamedDependency[AlbumRepository]
    ) -> None:
        pass  # pragma: no cover - never reached: the body is refused first

    app = create_app(database_url)
    app.register(clash)
    bad = {"name": "Miles Davis", "albums": {"title": "Kind of Blue"}}  # an object, not a list
    with TestClient(app) as client:
        step = client.post("/discographies", json=bad)
        clashing = client.post("/discographies-clash", json=bad)

    # The error is at `$.data.albums`; Litestar drops "data." and finds the key "albums" among
    # the handler's dependencies, so it takes the client's mistake for a server error.
    assert step.status_code == 400
    assert clashing.status_code == 500
