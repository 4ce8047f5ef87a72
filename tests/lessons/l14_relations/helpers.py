"""Requests the lesson's tests share: a few artists and albums to look at."""

from litestar import Litestar
from litestar.testing import TestClient

Client = TestClient[Litestar]


def add_artist(client: Client, name: str) -> str:
    response = client.post("/artists", json={"name": name})
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def add_album(client: Client, artist_id: str, title: str, year: int, *genres: str) -> str:
    album = {"title": title, "year": year, "artist_id": artist_id, "genres": list(genres)}
    response = client.post("/albums", json=album)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def statements(response: object) -> int:
    """The x-sql-statements header CountStatements adds: how many statements a request took."""
    return int(response.headers["x-sql-statements"])  # type: ignore[attr-defined]


def errors_of(app: Litestar) -> list[BaseException]:
    """The exceptions the app's handlers raise from now on (each one answered with a 500)."""
    raised: list[BaseException] = []

    async def remember(error: BaseException, _scope: object) -> None:
        raised.append(error)

    app.after_exception.append(remember)
    return raised
