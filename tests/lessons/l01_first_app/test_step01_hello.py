"""Your first test: call the app in-process with Litestar's TestClient."""

from litestar import Litestar, get

# --8<-- [start:first-test]
from litestar.testing import TestClient

from lessons.l01_first_app.step01_hello import app


def test_hello_says_hello() -> None:
    # `with` runs the app's start-up and shutdown hooks, as a real server would.
    with TestClient(app=app) as client:
        response = client.get("/")

    assert response.status_code == 200
    assert response.json() == {"message": "Hello, Litestar!"}


# --8<-- [end:first-test]


def test_only_the_with_block_runs_start_up_hooks() -> None:
    started: list[str] = []

    @get("/")
    async def ready() -> dict[str, bool]:
        return {"ready": bool(started)}

    def start_up() -> None:
        started.append("up")

    tiny = Litestar([ready], on_startup=[start_up])

    # Without `with`, the client sends requests but never starts the app up.
    assert TestClient(tiny).get("/").json() == {"ready": False}
    with TestClient(tiny) as client:
        assert client.get("/").json() == {"ready": True}
