"""Step 05: the lifespan opens the shared client at start-up and closes it at shutdown."""

import httpx
from litestar import Litestar
from litestar.testing import TestClient

from lessons.l07_middleware.step05_lifespan import app
from tests.transcripts import MakeTranscript


def test_the_client_exists_only_while_the_app_runs(transcript: MakeTranscript) -> None:
    record = transcript("l07_middleware/lifespan")
    assert "http_client" not in app.state

    with TestClient(app) as client:
        response = record(client.get("/outbound"))
        shared: httpx.AsyncClient = app.state.http_client
        again = client.get("/outbound")

    assert response.json() == {"base_url": "https://api.example.com", "timeout": 5.0, "open": True}
    assert again.json() == response.json()  # the same client serves every request
    assert shared.is_closed  # shutdown closed it...
    assert "http_client" not in app.state  # ...and removed it


def test_each_with_block_is_a_fresh_start_up() -> None:
    with TestClient(app):
        first = app.state.http_client
    with TestClient(app):
        second = app.state.http_client

    assert first is not second
    assert first.is_closed
    assert second.is_closed


def test_without_with_the_lifespan_never_runs() -> None:
    client = TestClient(app)  # no `with`: no start-up, no shutdown, and no warning

    response = client.get("/outbound")

    # The handler finds no client on app.state: an AttributeError, so a bare 500.
    assert response.status_code == 500
    assert response.json() == {"status_code": 500, "detail": "Internal Server Error"}
    assert "http_client" not in app.state


def test_startup_hooks_get_the_app_only_if_they_ask() -> None:
    calls: list[object] = []

    def with_app(app: Litestar) -> None:
        calls.append(app)

    async def without_arguments() -> None:
        calls.append("no arguments")

    app = Litestar(on_startup=[with_app, without_arguments], on_shutdown=[without_arguments])
    with TestClient(app):
        assert calls == [app, "no arguments"]
    assert calls == [app, "no arguments", "no arguments"]
