"""The lesson runner: every command, and one-line errors with exit code 2 for bad input."""

import importlib
import importlib.util
import os
import runpy
import subprocess
import sys
from types import SimpleNamespace
from typing import Any

import pytest
from litestar import Litestar, WebSocket, asgi, websocket
from litestar.types import Receive, Scope, Send

from lessons import cli, runner
from lessons.manifest import LESSONS, ROOT, Lesson

LAST = LESSONS[-1].number


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = runner.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_every_lesson_and_step(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list")

    assert code == 0
    for lesson in LESSONS:
        assert f"{lesson.number:02d}  {lesson.title}" in out
        for step in lesson.steps():
            assert f"{step.number}  {step.title}  ({step.module})" in out
    assert "      1  Hello, Litestar: one handler in one app  (step01_hello)" in out


def test_run_serves_the_first_step_with_reload_and_prints_where_to_look(
    capsys: pytest.CaptureFixture[str], served: list[dict[str, Any]]
) -> None:
    code, out, _ = run(capsys, "run", "1")

    assert code == 0
    assert served == [
        {
            "app": "lessons.l01_first_app.step01_hello:app",
            "host": "127.0.0.1",
            "port": 8000,
            "reload": True,
            "reload_dirs": [str(ROOT / "lessons" / "l01_first_app")],
        }
    ]
    assert out.splitlines() == [
        "Lesson 01 · Your first app — step 1: Hello, Litestar: one handler in one app",
        "  Routes:   GET /",
        "  API:      http://127.0.0.1:8000/",
        "  Swagger:  http://127.0.0.1:8000/schema/swagger",
        "  OpenAPI:  http://127.0.0.1:8000/schema/openapi.json",
        "  Read:     docs/lessons/01-first-app.md",
        "  Same app: litestar --app lessons.l01_first_app.step01_hello:app run --reload",
        "Press CTRL+C to stop.",
    ]


def test_run_a_chosen_step_on_another_port_without_reload(
    capsys: pytest.CaptureFixture[str], served: list[dict[str, Any]]
) -> None:
    code, out, _ = run(capsys, "run", "2", "4", "--port", "9000", "--no-reload")

    assert code == 0
    assert served[0]["app"] == "lessons.l02_routing.step04_controller:app"
    assert (served[0]["port"], served[0]["reload"], served[0]["reload_dirs"]) == (9000, False, None)
    assert "GET /api/v1/products/{product_id:int}" in out
    assert "  API:      http://127.0.0.1:9000/" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["run", "99"], f"there is no lesson 99: choose 1-{LAST} (python -m lessons list)"),
        (["run", "abc"], "lesson must be a number, not 'abc'"),
        (["run", "-1"], "lesson must be a number, not '-1'"),
        (["run", "1", "9"], "lesson 01 has no step 9: choose 1-2"),
        (["run", "1", "two"], "step must be a number, not 'two'"),
        (["run", "1", "--port", "http"], "argument --port: invalid int value: 'http'"),
        (["test", "0"], f"there is no lesson 0: choose 1-{LAST} (python -m lessons list)"),
        (["show", "x"], "lesson must be a number, not 'x'"),
        (["diff", "1", "1"], "step 1 is the first step of lesson 01"),
        (["frobnicate"], "argument command: invalid choice: 'frobnicate'"),
    ],
)
def test_bad_input_is_one_line_and_exit_code_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)

    assert code == 2
    assert out == ""
    # One line; argparse's own wording of the tail differs between Python versions.
    assert err.startswith(f"python -m lessons: error: {message}")
    assert err.count("\n") == 1


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys)

    assert code == 0
    assert out.startswith("usage: python -m lessons")


def test_websocket_and_mounted_asgi_routes_are_listed(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    served: list[dict[str, Any]],
) -> None:
    @websocket("/ws")
    async def echo(socket: WebSocket[Any, Any, Any]) -> None: ...

    @asgi("/mounted", is_mount=True, copy_scope=True)
    async def mounted(scope: Scope, receive: Receive, send: Send) -> None: ...

    fake = SimpleNamespace(app=Litestar([echo, mounted], openapi_config=None))
    monkeypatch.setattr(importlib, "import_module", lambda name: fake)

    _, out, _ = run(capsys, "run", "1")

    assert "  Routes:   WS /ws, ASGI /mounted" in out


def test_a_missing_dependency_is_a_one_line_hint(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(name: str) -> None:
        raise ModuleNotFoundError("No module named 'pydantic'", name="pydantic")

    monkeypatch.setattr(importlib, "import_module", missing)
    code, _, err = run(capsys, "run", "1")

    assert code == 2
    assert err == (
        "python -m lessons: error: pydantic is not installed; lesson 01 needs: "
        'pip install -e ".[all]"\n'
    )


def test_test_runs_pytest_on_the_lessons_tests(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[list[str], object]] = []

    def call(command: list[str], cwd: object) -> int:
        calls.append((command, cwd))
        return 3

    monkeypatch.setattr(subprocess, "call", call)

    code, out, _ = run(capsys, "test", "2", "-k", "verbs")

    tests_dir = str(ROOT / "tests" / "lessons" / "l02_routing")
    assert code == 3  # pytest's own exit code is passed on
    assert calls == [([sys.executable, "-m", "pytest", tests_dir, "-k", "verbs"], ROOT)]
    assert out == f"{sys.executable} -m pytest {tests_dir} -k verbs\n"


def test_test_without_a_clone_says_so(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    monkeypatch.setattr(Lesson, "tests_dir", property(lambda self: tmp_path / "nowhere"))
    code, _, err = run(capsys, "test", "1")

    assert code == 2
    assert "run this from a clone of the repository" in err


def test_test_without_pytest_says_how_to_install_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    code, _, err = run(capsys, "test", "1")

    assert code == 2
    assert err == (
        "python -m lessons: error: pytest is not installed: "
        "pip install --group test -c constraints.txt\n"
    )


def test_show_says_where_everything_is(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, "show", "2")

    assert code == 0
    lesson = LESSONS[1]
    assert out.splitlines() == [
        "Lesson 02 · Routing",
        "  Code:   lessons/l02_routing/",
        *(f"            {step.module}.py  {step.title}" for step in lesson.steps()),
        "  Tests:  tests/lessons/l02_routing/",
        "  Page:   docs/lessons/02-routing.md",
        "  Run:    python -m lessons run 2",
        "  Check:  python -m lessons test 2   (or: nox -s lesson-02)",
    ]


def test_show_names_the_extras_a_lesson_needs(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    needy = Lesson("l01_first_app", "Your first app", extras=("pydantic", "db"))
    monkeypatch.setattr(cli, "find", lambda number: needy)

    _, out, _ = run(capsys, "show", "1")

    assert out.splitlines()[-1] == '  Needs:  pip install -e ".[pydantic,db]"'


def test_diff_shows_what_a_step_adds(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", "1", "2")

    assert code == 0
    assert out.startswith("--- step01_hello.py\n+++ step02_health.py\n")
    assert '+@get("/health", tags=["operations"])\n' in out


def test_python_dash_m_lessons_calls_main(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", ["lessons", "run", "abc"])

    with pytest.raises(SystemExit) as exit_info:
        runpy.run_module("lessons", run_name="__main__")

    assert exit_info.value.code == 2
    assert (
        capsys.readouterr().err == "python -m lessons: error: lesson must be a number, not 'abc'\n"
    )


def test_a_real_process_prints_no_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lessons", "run", "99"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    # `list | head -n 1` when head has gone: the reading end is closed before the runner
    # (still importing) writes anything, so its first write or flush fails.
    process = subprocess.Popen(
        [sys.executable, "-m", "lessons", "list"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.close()
    _, err = process.communicate(timeout=60)

    assert (process.returncode, err) == (0, b"")


def test_a_closed_pipe_sends_the_rest_of_the_output_nowhere(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def reader_gone(_: object) -> int:
        raise BrokenPipeError

    redirected: list[tuple[int, int]] = []
    monkeypatch.setattr(runner, "_list", reader_gone)
    monkeypatch.setattr(os, "open", lambda path, flags: 99)
    monkeypatch.setattr(os, "dup2", lambda old, new: redirected.append((old, new)))
    monkeypatch.setattr(sys.stdout, "fileno", lambda: 1)

    assert run(capsys, "list") == (0, "", "")
    assert redirected == [(99, 1)]
