"""The exercise loop as a learner uses it: check, hint, solution, reset, next, list, run."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from lessons import exercise_commands, manifest
from lessons.manifest import LESSONS, ROOT, Exercise, Lesson
from lessons.progress import Progress, progress_file
from tests.project.conftest import REAL, Run, solve, write
from tests.transcripts import MakeTranscript

# ---- check ---------------------------------------------------------------------------------


def test_a_fresh_check_makes_the_copy_and_explains_the_first_failure(
    run: Run, workspace: Path
) -> None:
    code, out, _ = run("check")

    assert code == 1
    assert out.splitlines()[:11] == [
        f"Lesson 01 · exercise 1 · {REAL.title}",
        "  Made your copy of the starting file: " + str(REAL.working),
        f"  Your file: {REAL.working}",
        "  Task:      lessons/l01_first_app/exercises/e01_goodbye/task.md",
        "  1 of 3 checks pass.",
        "  First to fix: GET /goodbye answers 200",
        "    request:  GET /goodbye",
        "    expected: 200",
        '    received: 404 {"status_code":404,"detail":"Not Found"}',
        # The nudge, wrapped to fit a terminal.
        (
            "    think:    a 404 means the app has no such route: is the handler in"
            " route_handlers? A 405"
        ),
        "              means the path exists for another HTTP method.",
    ]
    assert "  (1 more check waits for this one to pass)" in out
    assert out.endswith("  Stuck? The next hint: python -m lessons hint 1 1\n")
    assert REAL.working == workspace / "l01_first_app" / "e01_goodbye.py"
    assert REAL.working.read_text() == REAL.start.read_text()
    progress = Progress.load()
    assert (progress.current, progress.done) == ("l01_first_app/e01_goodbye", set())


def test_check_passes_once_the_solution_is_in_the_working_file(run: Run, workspace: Path) -> None:
    run("check")
    solve(REAL)

    code, out, _ = run("check")

    assert code == 0
    assert "  All 3 checks pass: done!\n" in out
    assert "  Move on with: python -m lessons next" in out
    assert Progress.load().done == {"l01_first_app/e01_goodbye"}
    _, listing, _ = run("list")
    assert f"      e1  {REAL.title}  [done]   <- current\n" in listing


def test_a_file_that_does_not_import_is_reported_in_one_line(run: Run, workspace: Path) -> None:
    write(REAL, "from litestar import Litestar\napp = Litestar(route_handlers=[\n")

    code, out, _ = run("check", "1", "1")

    assert code == 1
    assert "  Your file does not run yet, so no check could run:\n" in out
    assert "    e01_goodbye.py does not import: SyntaxError: " in out
    assert "Traceback" not in out


def test_an_error_in_the_learners_handler_is_shown_under_the_500(run: Run, workspace: Path) -> None:
    source = REAL.solution.read_text().replace(
        'return {"message": "Goodbye, Litestar!"}', "return {1 / 0}"
    )
    write(REAL, source)

    code, out, _ = run("check", "1", "1")

    assert code == 1
    assert '    received: 500 {"status_code":500,"detail":"Internal Server Error"}\n' in out
    assert "    your handler raised ZeroDivisionError: division by zero\n" in out


def test_an_app_that_fails_to_start_is_an_error_not_a_failed_expectation(
    run: Run, workspace: Path
) -> None:
    source = REAL.solution.read_text().replace(
        "\napp = ",
        "\nasync def connect() -> None:\n    raise TimeoutError('no database')\n\n\napp = ",
    )
    write(REAL, source.replace("[hello, goodbye]", "[hello, goodbye], on_startup=[connect]"))

    code, out, _ = run("check", "1", "1")

    assert code == 1
    assert "  0 of 3 checks pass.\n" in out
    assert "    your app raised an error while the check ran:\n" in out
    line = REAL.working.read_text().splitlines().index("    raise TimeoutError('no database')")
    # The error inside anyio's ExceptionGroup, at its line in the learner's own file.
    assert f"    TimeoutError: no database (line {line + 1} of e01_goodbye.py)\n" in out


def test_a_missing_extra_says_what_to_install(run: Run, workspace: Path) -> None:
    write(REAL, "import not_installed_anywhere\n")

    _, out, _ = run("check", "1", "1")

    assert "ModuleNotFoundError: No module named 'not_installed_anywhere'" in out
    assert '    (this lesson needs: pip install -e ".[all]")\n' in out


def test_checks_that_need_an_extra_are_a_report_not_a_traceback(
    run: Run, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(exercise: Exercise, path: Path) -> None:
        raise ModuleNotFoundError("No module named 'pydantic'", name="pydantic")

    monkeypatch.setattr("lessons.kit.running.run_checks", missing)

    code, out, _ = run("check")

    assert code == 1
    assert "    No module named 'pydantic'\n" in out


def test_nothing_advances_by_itself_and_next_moves_on(
    run: Run, two_exercises: tuple[Exercise, Exercise]
) -> None:
    first, second = two_exercises
    run("check")
    solve(first)
    assert run("check")[0] == 0

    _, again, _ = run("check")  # still the same exercise: passing does not move on
    assert again.startswith("Lesson 01 · exercise 1")

    code, out, _ = run("next")
    assert code == 0
    assert out.splitlines() == [
        f"Now: Lesson 02 · exercise 1 · {REAL.title}",
        f"  Made your copy of the starting file: {second.working}",
        f"  Task:      {second.task} (or docs/lessons/02-routing.md#exercises)",
        f"  Your file: {second.working}",
        "  Then:      python -m lessons check   (or python -m lessons watch)",
    ]
    _, now, _ = run("check")
    assert now.startswith("Lesson 02 · exercise 1")


def test_next_says_when_it_leaves_an_exercise_unfinished(
    run: Run, two_exercises: tuple[Exercise, Exercise]
) -> None:
    run("check")

    _, out, _ = run("next")
    assert out.startswith(
        f"(Lesson 01 · exercise 1 · {REAL.title} is not done yet;"
        " `python -m lessons check 1 1` goes back.)\n"
    )
    # From the last exercise, `next` wraps round to the first one not done.
    _, out, _ = run("next")
    assert "Now: Lesson 01 · exercise 1" in out


def test_when_everything_is_done_check_and_next_say_so(
    run: Run, two_exercises: tuple[Exercise, Exercise]
) -> None:
    for exercise in two_exercises:
        solve(exercise)
    assert run("check", "--all")[0] == 0
    Progress(done=Progress.load().done).save()  # no current exercise chosen

    assert run("check") == (
        0,
        "Every exercise is done. `python -m lessons check --all` checks them all again.\n",
        "",
    )
    assert run("next")[1].startswith("Every exercise is done.")
    assert run("watch") == (
        2,
        "",
        "python -m lessons: error: every exercise is done: there is nothing to watch\n",
    )


def test_check_a_lesson_summarises_each_exercise(
    run: Run, two_exercises: tuple[Exercise, Exercise]
) -> None:
    code, out, _ = run("check", "1")
    assert (code, out) == (
        1,
        (
            "Lesson 01 · Your first app\n"
            f"  01.1  {REAL.title}: not started (python -m lessons check 1 1 begins it)\n"
        ),
    )

    run("check", "1", "1")
    assert f"{REAL.title}: 1 of 3 checks pass (python -m lessons check 1 1)" in run("check", "1")[1]
    write(two_exercises[0], "raise SystemExit\n")
    assert "does not run yet (python -m lessons check 1 1 says why)" in run("check", "1")[1]
    solve(two_exercises[0])
    assert run("check", "1") == (0, f"Lesson 01 · Your first app\n  01.1  {REAL.title}: done\n", "")


def test_check_all_rebuilds_lost_or_broken_progress(
    run: Run, two_exercises: tuple[Exercise, Exercise]
) -> None:
    solve(two_exercises[1])
    progress_file().parent.mkdir(parents=True, exist_ok=True)
    progress_file().write_text("{not json")

    code, out, err = run("check", "--all")

    assert code == 1  # lesson 01's exercise is not started
    assert err == (
        "note: progress.json could not be read (JSONDecodeError); starting afresh: "
        "`python -m lessons check --all` rebuilds it from your working copies\n"
    )
    assert out.splitlines()[-1] == "1 of 2 exercises done; progress rebuilt."
    assert Progress.load().done == {"l02_routing/e01_goodbye"}


def test_progress_is_one_json_file_in_the_workspace(run: Run, workspace: Path) -> None:
    run("check")
    run("hint", "1", "1")

    assert json.loads((workspace / "progress.json").read_text()) == {
        "version": 1,
        "current": "l01_first_app/e01_goodbye",
        "done": [],
        "hints": {"l01_first_app/e01_goodbye": 1},
    }


def test_the_workspace_is_ignored_by_git_lint_types_and_coverage() -> None:
    # What docs/exercises.md promises about workspace/.
    assert "\nworkspace/\n" in (ROOT / ".gitignore").read_text()
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]
    assert "workspace" in config["ruff"]["extend-exclude"]
    assert not any(path.startswith("workspace") for path in config["mypy"]["files"])
    assert config["coverage"]["run"]["source"] == ["lessons", "capstone"]
    assert manifest.WORKSPACE == ROOT / "workspace"


# ---- hint --------------------------------------------------------------------------------------


def test_hint_shows_one_more_level_each_time_then_points_at_the_solution(
    run: Run, workspace: Path
) -> None:
    shown = [run("hint", "1", "1")[1] for _ in range(4)]

    assert shown[0].startswith(f"Lesson 01 · exercise 1 · {REAL.title} · hint 1 of 3\n\n")
    assert REAL.hints[0].read_text().strip() in shown[0]
    assert "`python -m lessons hint 1 1` again shows hint 2." in shown[0]
    assert "hint 2 of 3" in shown[1]
    assert "hint 3 of 3" in shown[2]
    # The last hint's link to the page section, as a path a terminal user can open.
    assert (
        "Step 1 · Hello, Litestar (docs/lessons/01-first-app.md#step-1-hello-litestar)"
        in (shown[2])
    )
    assert shown[2].endswith("The reference: python -m lessons solution 1 1\n")
    assert shown[3] == shown[2]  # it stays at the last level
    assert Progress.load().hints == {"l01_first_app/e01_goodbye": 3}


def test_links_to_other_sites_are_kept_as_they_are() -> None:
    text = "See [the docs](https://docs.litestar.dev/2/) and [lesson 2](../lessons/02-routing.md)."

    assert exercise_commands.terminal_links(text) == (
        "See the docs (https://docs.litestar.dev/2/) and lesson 2 (docs/lessons/02-routing.md)."
    )


def test_an_exercise_without_hints_is_a_usage_error(
    run: Run, two_exercises: tuple[Exercise, Exercise]
) -> None:
    for hint in two_exercises[1].hints:
        hint.unlink()

    assert run("hint", "2", "1")[2] == "python -m lessons: error: exercise 2 1 has no hints\n"


# ---- solution ----------------------------------------------------------------------------------


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A stdin that is a terminal; the answers typed are taken from the returned list."""
    answers: list[str] = []
    monkeypatch.setattr(sys, "stdin", io.StringIO())
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)

    def answer(question: str) -> str:
        if not answers:
            raise EOFError
        sys.stdout.write(question + "\n")
        return answers.pop(0)

    monkeypatch.setattr("builtins.input", answer)
    return answers


def test_solution_asks_first_and_never_waits_without_a_terminal(
    run: Run, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO())  # not a terminal, as in CI

    code, out, _ = run("solution", "1", "1")

    assert code == 1
    assert "does not pass yet. Show the solution anyway? [y/N] no (nobody to ask" in out
    assert "Not shown. The next hint may be enough: python -m lessons hint 1 1\n" in out
    assert "+++" not in out


def test_solution_is_a_diff_against_the_learners_file(run: Run, workspace: Path) -> None:
    run("check")

    code, out, _ = run("solution", "1", "1", "--yes")

    assert code == 0
    assert f"--- {REAL.working} (yours)\n" in out
    assert "+++ lessons/l01_first_app/exercises/e01_goodbye/solution.py\n" in out
    assert '+@get("/goodbye")\n' in out
    assert "-# TODO: write a handler for GET /goodbye here" in out


def test_solution_with_no_copy_yet_is_a_diff_against_the_start(run: Run, workspace: Path) -> None:
    _, out, _ = run("solution", "1", "1", "--yes")

    assert "--- lessons/l01_first_app/exercises/e01_goodbye/start.py (yours)\n" in out


def test_solution_answers_typed_at_a_terminal(
    run: Run, workspace: Path, terminal: list[str]
) -> None:
    terminal.extend(["n", "yes"])

    assert run("solution", "1", "1")[0] == 1
    assert run("solution", "1", "1")[0] == 0
    assert run("solution", "1", "1")[0] == 1  # end of input counts as no


def test_solution_does_not_ask_once_the_file_passes(run: Run, workspace: Path) -> None:
    solve(REAL)

    code, out, _ = run("solution", "1", "1")

    assert code == 0
    assert out.splitlines()[1] == "Your file is the reference solution, line for line."


# ---- reset --------------------------------------------------------------------------------------


def test_reset_asks_restores_the_start_and_keeps_a_backup(
    run: Run, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO())
    solve(REAL)
    run("check")
    mine = REAL.working.read_text()

    assert run("reset", "1", "1")[0] == 1  # asked; nobody said yes
    assert REAL.working.read_text() == mine

    code, out, _ = run("reset", "1", "1", "--yes")
    assert code == 0
    assert REAL.working.read_text() == REAL.start.read_text()
    backup = REAL.working.with_name("e01_goodbye.py.bak")
    assert backup.read_text() == mine
    assert f"  Back to the start. Your version: {backup}\n" in out
    assert Progress.load().done == set()

    write(REAL, "# second attempt\n")
    run("reset", "1", "1", "--yes")
    assert REAL.working.with_name("e01_goodbye.py.bak2").read_text() == "# second attempt\n"
    assert backup.read_text() == mine  # an older backup is never overwritten


def test_reset_of_an_untouched_or_missing_copy_asks_nothing(run: Run, workspace: Path) -> None:
    code, out, _ = run("reset", "1", "1")
    assert code == 0
    assert "Made your copy of the starting file" in out

    code, out, _ = run("reset", "1", "1")
    assert code == 0
    assert out.endswith("is the starting file already.\n")


# ---- list --------------------------------------------------------------------------------------


def test_list_shows_each_exercise_with_its_state(
    run: Run, two_exercises: tuple[Exercise, Exercise]
) -> None:
    _, out, _ = run("list")
    assert f"      e1  {REAL.title}  [not started]   <- current\n" in out

    run("check", "2", "1")
    _, out, _ = run("list")
    assert f"      e1  {REAL.title}  [not started]\n" in out
    assert f"      e1  {REAL.title}  [started]   <- current\n" in out


def test_list_json_names_every_file_a_tool_needs(run: Run, workspace: Path) -> None:
    run("check")

    code, out, _ = run("list", "--json")

    assert code == 0
    data = json.loads(out)
    assert data["root"] == str(ROOT)
    assert data["current"] == "l01_first_app/e01_goodbye"
    assert [lesson["package"] for lesson in data["lessons"]] == [
        lesson.package for lesson in LESSONS
    ]
    for entry, lesson in zip(data["lessons"], LESSONS, strict=True):
        assert entry["page"] == f"docs/{lesson.page.as_posix()}"
        assert (ROOT / entry["page"]).is_file()
        assert [step["path"] for step in entry["steps"]] == [
            f"lessons/{lesson.package}/{step.module}.py" for step in lesson.steps()
        ]
        for step in entry["steps"]:
            assert (ROOT / step["path"]).is_file()
            assert (ROOT / step["test"]).is_file()
        assert [e["name"] for e in entry["exercises"]] == [e.name for e in lesson.exercises()]
        for item in entry["exercises"]:
            for field in ("start", "solution", "checks", "task", "tests"):
                assert (ROOT / item[field]).is_file(), item[field]
            assert item["hints"]
            assert all((ROOT / hint).is_file() for hint in item["hints"])
    first = data["lessons"][0]["exercises"][0]
    assert first["working"] == str(REAL.working)
    assert Path(first["working"]).is_file()
    assert first["state"] == "started"
    assert first["tests"] == "tests/lessons/l01_first_app/test_exercises.py"


# ---- run --exercise ------------------------------------------------------------------------------


def test_run_exercise_serves_the_learners_own_copy(
    run: Run, workspace: Path, served: list[dict[str, Any]]
) -> None:
    code, out, _ = run("run", "1", "--exercise", "1", "--port", "9001")

    assert code == 0
    folder = str(workspace / "l01_first_app")
    assert served == [
        {
            "app": "e01_goodbye:app",
            "host": "127.0.0.1",
            "port": 9001,
            "reload": True,
            "reload_dirs": [folder],
            "app_dir": folder,
            "factory": False,
        }
    ]
    assert "  Routes:    GET /\n" in out
    assert (
        "  API:       http://127.0.0.1:9001/   Swagger: http://127.0.0.1:9001/schema/swagger\n"
        in out
    )


def test_run_exercise_uses_an_app_factory_when_there_is_no_app(
    run: Run, workspace: Path, served: list[dict[str, Any]]
) -> None:
    write(
        REAL,
        "from litestar import Litestar, get\n\n\n@get('/')\nasync def hi() -> str:\n"
        "    return 'hi'\n\n\ndef create_app() -> Litestar:\n    return Litestar([hi])\n",
    )

    run("run", "1", "--exercise", "1", "--no-reload")

    assert served[0]["app"] == "e01_goodbye:create_app"
    assert (served[0]["factory"], served[0]["reload_dirs"]) == (True, None)


def test_run_exercise_with_a_broken_file_says_why_and_serves_nothing(
    run: Run, workspace: Path, served: list[dict[str, Any]]
) -> None:
    write(REAL, "app = 1 / 0\n")

    code, out, _ = run("run", "1", "--exercise", "1")

    assert code == 1
    assert "ZeroDivisionError" in out
    assert served == []


# ---- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "x"], "lesson must be a number, not 'x'"),
        (["check", "99"], "there is no lesson 99: choose 1-"),
        (["check", "1", "9"], "lesson 01 has no exercise 9: choose 1-1"),
        (["check", "1", "one"], "exercise must be a number, not 'one'"),
        (["check", "--all", "1"], "check --all checks every lesson: give no lesson with it"),
        (["check", "3"], "lesson 03 has no exercises yet (python -m lessons list)"),
        (["check", "3", "1"], "lesson 03 has no exercises yet (python -m lessons list)"),
        (["watch", "1"], "watch takes a lesson and an exercise, or neither"),
        (["watch", "1", "2"], "lesson 01 has no exercise 2: choose 1-1"),
        (["hint"], "the following arguments are required: lesson, exercise"),
        (["hint", "1", "0"], "lesson 01 has no exercise 0: choose 1-1"),
        (["hint", "1", "1", "--yes"], "unrecognized arguments: --yes"),
        (["solution", "1", "-1"], "exercise must be a number, not '-1'"),
        (["reset", "1"], "the following arguments are required: exercise"),
        (["next", "1"], "unrecognized arguments: 1"),
        (["run", "1", "2", "--exercise", "1"], "give a step or --exercise, not both"),
        (["run", "1", "--exercise", "x"], "exercise must be a number, not 'x'"),
        (["list", "--jsn"], "unrecognized arguments: --jsn"),
    ],
)
def test_bad_input_is_one_line_and_exit_code_2(
    run: Run,
    workspace: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    message: str,
) -> None:
    only_lesson_01 = {"l01_first_app": (REAL,)}
    monkeypatch.setattr(Lesson, "exercises", lambda self: only_lesson_01.get(self.package, ()))

    code, out, err = run(*argv)

    assert (code, out) == (2, "")
    assert err.startswith(f"python -m lessons: error: {message}")
    assert err.count("\n") == 1
    assert not workspace.exists()  # bad input changes nothing


# ---- a fresh clone -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's lessons, as a fresh clone has them (no workspace yet)."""
    root = tmp_path_factory.mktemp("clone")
    ignore = shutil.ignore_patterns("__pycache__", "workspace")
    shutil.copytree(ROOT / "lessons", root / "lessons", ignore=ignore)
    return root


# Runs several commands in one interpreter (importing Litestar once costs seconds on a busy
# machine), each as `python -m lessons` would: a line with its exit code ends each output.
SESSION = """
import sys
from lessons.runner import main
for argv in sys.argv[1:]:
    code = main(argv.split())
    print(f"[exit {code}]", flush=True)
"""


def learner(clone: Path, *commands: str) -> list[tuple[int, str]]:
    """Run the runner's commands in the copy, with no terminal to answer questions."""
    result = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-c", SESSION, *commands],
        cwd=clone,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    outputs = re.split(r"^\[exit (\d+)\]\n", result.stdout, flags=re.MULTILINE)
    return [(int(code), out) for out, code in zip(outputs[::2], outputs[1::2], strict=False)]


def test_on_a_fresh_clone_check_points_at_lesson_01_exercise_1(
    clone: Path, transcript: MakeTranscript
) -> None:
    record = transcript("exercises/loop")  # what docs/exercises.md shows, from a real run

    (code, fresh), (_, hint), (asked_code, asked) = learner(
        clone, "check", "hint 1 1", "solution 1 1"
    )

    assert code == 1
    assert fresh.startswith("Lesson 01 · exercise 1 · Say goodbye")
    assert "Made your copy of the starting file: workspace/l01_first_app/e01_goodbye.py" in fresh
    assert (clone / "workspace" / "l01_first_app" / "e01_goodbye.py").is_file()
    record.add_text(f"$ python -m lessons check\n{fresh}")
    record.add_text(f"$ python -m lessons hint 1 1\n{hint}")
    # Without a terminal the question is answered "no" at once, never waited on.
    assert asked_code == 1
    assert "nobody to ask" in asked

    shutil.copyfile(REAL.solution, clone / "workspace" / "l01_first_app" / "e01_goodbye.py")
    [(code, passed)] = learner(clone, "check")
    assert code == 0
    record.add_text(f"$ python -m lessons check\n{passed}")
