"""The three commands on the lesson page really serve the app (each in a real server process)."""

import sys

import httpx
import pytest

from tests.servers import BIN, free_port, serving

MODULE = "lessons.l01_first_app.step01_hello"


def _commands(port: int) -> dict[str, list[str]]:
    # Exactly the commands the page shows, plus --port so tests can run side by side.
    return {
        "runner": [sys.executable, "-m", "lessons", "run", "1", "--port", str(port)],
        "litestar": [
            str(BIN / "litestar"),
            "--app",
            f"{MODULE}:app",
            "run",
            "--reload",
            "--port",
            str(port),
        ],
        "uvicorn": [str(BIN / "uvicorn"), f"{MODULE}:app", "--reload", "--port", str(port)],
    }


@pytest.mark.parametrize("way", ["runner", "litestar", "uvicorn"])
def test_each_way_serves_the_app(way: str) -> None:
    port = free_port()
    with serving(_commands(port)[way], port) as base:
        response = httpx.get(f"{base}/")
        swagger = httpx.get(f"{base}/schema/swagger")

    assert response.json() == {"message": "Hello, Litestar!"}
    assert swagger.status_code == 200
