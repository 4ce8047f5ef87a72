"""The three commands on the page serve the app (each in a real server process); CLI discovery."""

import subprocess
import sys
from pathlib import Path

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


APP_SOURCE = """
from litestar import Litestar, get

@get("/")
async def hello() -> str:
    return "hi"

app = Litestar([hello])
"""


@pytest.mark.parametrize(
    ("file_name", "found"),
    [("app.py", True), ("main.py", False)],
)
def test_litestar_cli_finds_an_app_by_itself_only_in_app_or_application(
    tmp_path: Path, file_name: str, found: bool
) -> None:
    (tmp_path / file_name).write_text(APP_SOURCE, encoding="utf-8")

    # `litestar routes` loads the app the same way `litestar run` does, without serving it.
    result = subprocess.run(  # noqa: S603 - our own CLI, fixed arguments
        [str(BIN / "litestar"), "routes"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert (result.returncode == 0) is found, result.stdout + result.stderr
    if not found:
        assert "Could not find Litestar instance or factory" in result.stdout + result.stderr
