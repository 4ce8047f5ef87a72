"""The servers' benchmark runs on a tiny size, so that it cannot rot. No speed is asserted."""

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import lesson21
from bench.lesson21 import GRANIAN, OUTPUT, UVICORN, main, server_command
from tests.lessons.l21_deployment.conftest import port_of
from tests.servers import Started


def test_a_quick_run_measures_both_servers_and_writes_the_table(
    servers: dict[str, Started], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    started: list[tuple[str, int]] = []

    # The session's servers, started with lesson21.server_command's commands, stand in
    # for the two that main() would start itself.
    @contextlib.contextmanager
    def already_running(server: str, workers: int) -> Iterator[int]:
        started.append((server, workers))
        yield port_of(servers[server])

    output = tmp_path / "table.txt"
    assert main(["--quick", "--output", str(output)], start=already_running) == 0

    text = output.read_text(encoding="utf-8")
    assert text == capsys.readouterr().out
    assert started == [(UVICORN, 2), (GRANIAN, 2)]
    lines = text.splitlines()
    assert lines[0] == f"$ python -m bench.lesson21 --quick --output {output}"
    assert [line.split()[0] for line in lines[3:5]] == [UVICORN, GRANIAN]
    assert "numbers depend on the machine" in lines[-1]


def test_the_page_shows_a_full_run_of_the_same_table() -> None:
    lines = OUTPUT.read_text(encoding="utf-8").splitlines()

    assert lines[0] == "$ python -m bench.lesson21"
    assert lines[1].startswith("2 workers each, 16 connections, 3 x 3 s rounds")
    assert [line.split()[0] for line in lines[3:5]] == [UVICORN, GRANIAN]
    assert "numbers depend on the machine" in lines[-1]


def test_the_commands_are_the_ones_the_page_gives() -> None:
    uvicorn = server_command(UVICORN, 8000, 4)
    granian = server_command(GRANIAN, 8000, 4)

    assert [Path(uvicorn[0]).name, *uvicorn[1:]] == [
        *("uvicorn", lesson21.APP, "--host", "127.0.0.1", "--port", "8000"),
        *("--workers", "4", "--no-access-log"),
    ]
    assert [Path(granian[0]).name, *granian[1:]] == [
        *("litestar", "--app", lesson21.APP, "run", "--host", "127.0.0.1", "--port", "8000"),
        *("--wc", "4", "--granian-no-access-log"),
    ]
