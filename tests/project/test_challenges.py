"""The capstone challenges in the runner: the copy, the anchored solution, the checks in a
subprocess, and every command, with a pretend challenge whose copy is a tiny app (`shop`).

The real challenges are tested both ways in the capstone session
(tests/capstone/test_challenges.py); here the machinery is, in seconds.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from lessons import manifest
from lessons.copies import SolutionError, apply_solution, edits, make_copy, touched
from lessons.kit import packages
from lessons.kit.running import run_checks
from lessons.manifest import CAPSTONE_SOURCES, ROOT, Challenge
from lessons.progress import Progress
from tests.project.conftest import Run

APP = """from litestar import Litestar, get


@get("/hello")
async def hello() -> dict[str, str]:
    return {"hello": "world"}


def create_app() -> Litestar:
    return Litestar([hello])
"""
GOODBYE = """from litestar import get


@get("/goodbye")
async def goodbye() -> dict[str, str]:
    return {"goodbye": "world"}
"""
EDITS = """
[[edit]]
file = "shop/app.py"
anchor = "from litestar import Litestar, get\\n"
after = "\\nfrom shop.goodbye import goodbye\\n"

[[edit]]
file = "shop/app.py"
anchor = "hello])"
before = "goodbye, "
"""


@dataclass(frozen=True)
class Pretend(Challenge):
    """A challenge whose files, clone and checks are the pretend ones."""

    root: Path = Path()

    @property
    def folder(self) -> Path:
        return self.root / "challenge"

    @property
    def source_root(self) -> Path:
        return self.root / "clone"

    @property
    def sources(self) -> tuple[str, ...]:
        return ("shop", "notes.txt")

    @property
    def checks_module(self) -> str:
        return "tests.project.challenge_checks"


@pytest.fixture
def pretend(tmp_path: Path, workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Pretend:
    challenge = Pretend(
        lesson="capstone",
        number=1,
        name="c01_goodbye",
        title="Say goodbye",
        root=tmp_path,
        test_file="tests/test_goodbye.py",
    )
    clone = challenge.source_root
    (clone / "shop").mkdir(parents=True)
    (clone / "shop" / "__init__.py").write_text("")
    (clone / "shop" / "app.py").write_text(APP)
    (clone / "notes.txt").write_text("A file of its own is copied too.\n")
    shutil.copyfile(ROOT / "pyproject.toml", clone / "pyproject.toml")
    folder = challenge.folder
    (folder / "solution" / "shop").mkdir(parents=True)
    (folder / "solution" / "shop" / "goodbye.py").write_text(GOODBYE)
    (folder / "solution" / "edits.toml").write_text(EDITS)
    (folder / "task.md").write_text("| `GET /goodbye` | `200` |\n")
    (folder / "hint1.md").write_text("A route.\n")
    (folder / "hint2.md").write_text("[Routing](../lessons/02-routing.md#step-1)\n")
    monkeypatch.setattr(manifest, "challenges", lambda: (challenge,))
    monkeypatch.setattr(manifest.Lesson, "exercises", lambda self: ())
    return challenge


def solved(challenge: Challenge, folder: Path) -> Path:
    make_copy(folder, challenge.sources, challenge.source_root)
    apply_solution(challenge.solution, folder)
    return folder


# ---- the manifest ---------------------------------------------------------------------------


def test_the_challenges_are_read_from_their_folders() -> None:
    found = manifest.challenges()

    assert [(c.number, c.name, c.title, c.test_file) for c in found] == [
        (1, "c01_labels", "Label your tasks", "tests/capstone/test_labels.py"),
        (2, "c02_due_soon", "A due-soon feed", "tests/capstone/test_due_soon.py"),
    ]
    first = found[0]
    assert first.is_package
    assert first.start == ROOT / "capstone"
    assert first.working == manifest.WORKSPACE / "capstone" / "c01_labels"
    assert first.solution == ROOT / "lessons/challenges/c01_labels/solution"
    assert first.checks_module == "lessons.challenges.c01_labels.checks"
    assert (first.source_root, first.sources) == (ROOT, CAPSTONE_SOURCES)
    assert first.page == "docs/capstone/challenges.md"
    assert not manifest.LESSONS[0].exercises()[0].is_package


def test_a_folder_without_checks_is_no_challenge(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "c01_draft").mkdir()
    monkeypatch.setattr(manifest, "CHALLENGES_DIR", tmp_path)

    assert manifest.challenges() == ()


# ---- the copy and the solution ------------------------------------------------------------


def test_the_copy_has_the_sources_and_a_pytest_ini_of_its_own(pretend: Pretend) -> None:
    folder = pretend.working
    make_copy(folder, pretend.sources, pretend.source_root)

    assert (folder / "shop" / "app.py").read_text() == APP
    assert (folder / "notes.txt").read_text() == "A file of its own is copied too.\n"
    ini = (folder / "pytest.ini").read_text()
    assert "[pytest]\npythonpath = .\n" in ini
    assert "--import-mode=importlib -p no:cacheprovider" in ini
    assert "filterwarnings =\n    error\n" in ini


def test_the_solution_adds_its_files_and_makes_its_edits(pretend: Pretend, tmp_path: Path) -> None:
    folder = solved(pretend, tmp_path / "copy")

    assert (folder / "shop" / "goodbye.py").read_text() == GOODBYE
    assert "from shop.goodbye import goodbye\n" in (folder / "shop" / "app.py").read_text()
    assert "Litestar([goodbye, hello])" in (folder / "shop" / "app.py").read_text()
    assert touched(pretend.solution) == ["shop/app.py", "shop/goodbye.py"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("anchor-gone", "shop/app.py: the solution's anchor 'hello])' is there 0 times, not once"),
        ("anchor-twice", "shop/app.py: the solution's anchor 'hello])' is there 2 times, not once"),
        ("file-exists", "the solution adds shop/goodbye.py, but the capstone has one now"),
    ],
)
def test_a_solution_that_no_longer_applies_says_where(
    pretend: Pretend, tmp_path: Path, change: str, message: str
) -> None:
    app = pretend.source_root / "shop" / "app.py"
    if change == "anchor-gone":
        app.write_text(APP.replace("[hello]", "(hello,)"))
    elif change == "anchor-twice":
        app.write_text(APP + "# [hello])\n")
    else:
        (pretend.source_root / "shop" / "goodbye.py").write_text("")

    with pytest.raises(SolutionError, match=re.escape(message)):
        solved(pretend, tmp_path / "copy")


def test_a_solution_of_new_files_only_has_no_edits(tmp_path: Path) -> None:
    assert edits(tmp_path) == []


# ---- the checks, in a subprocess ------------------------------------------------------------


def test_the_checks_run_in_the_copy_in_a_subprocess(pretend: Pretend, tmp_path: Path) -> None:
    start = tmp_path / "start"
    make_copy(start, pretend.sources, pretend.source_root)

    unsolved = run_checks(pretend, start)
    solution = run_checks(pretend, solved(pretend, tmp_path / "solved"))

    assert [o.status for o in unsolved.outcomes] == ["passed", "failed", "skipped", "skipped"]
    assert "GET /goodbye" in unsolved.outcomes[1].message
    assert solution.passed, solution.outcomes


def test_an_error_in_a_check_is_an_error_outcome(pretend: Pretend, tmp_path: Path) -> None:
    folder = solved(pretend, tmp_path / "copy")
    (folder / "crash").write_text("")

    report = run_checks(pretend, folder, only={"crashes"})

    assert [o.status for o in report.outcomes] == ["skipped", "passed", "passed", "error"]
    assert report.outcomes[3].message.startswith("RuntimeError: the learner's code broke")


def test_a_missing_copy_and_a_dead_subprocess_are_load_errors(
    pretend: Pretend, tmp_path: Path
) -> None:
    assert run_checks(pretend, tmp_path / "nowhere").load_error == (
        f"there is no copy at {tmp_path / 'nowhere'}"
    )
    folder = solved(pretend, tmp_path / "copy")
    (folder / "shop" / "__init__.py").write_text("import os\nos._exit(3)\n")

    report = run_checks(pretend, folder)

    assert report.load_error.startswith("the checks did not run (exit status 3)")


def test_a_copy_that_does_not_build_its_app_runs_no_check(
    pretend: Pretend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In this process, as in the subprocess: the copy first on the path.
    folder = solved(pretend, tmp_path / "copy")
    (folder / "shop" / "app.py").write_text(APP + "raise RuntimeError('half done')\n")
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.delitem(sys.modules, "shop", raising=False)
    monkeypatch.delitem(sys.modules, "shop.app", raising=False)

    result = packages.check_folder(pretend.checks_module, folder)

    assert result == {
        "load_error": "your copy does not build its app: RuntimeError: half done"
        " (line 11 of app.py)",
        "outcomes": [],
    }


def test_the_subprocess_prints_its_results_on_one_marked_line(
    pretend: Pretend,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = solved(pretend, tmp_path / "copy")
    monkeypatch.syspath_prepend(str(folder))
    for name in ("shop", "shop.app", "shop.goodbye"):
        monkeypatch.delitem(sys.modules, name, raising=False)

    assert packages.main([pretend.checks_module, str(folder), "goodbye"]) == 0

    line = capsys.readouterr().out
    assert line.startswith(packages.MARK)
    result = json.loads(line.removeprefix(packages.MARK))
    assert [o["status"] for o in result["outcomes"]] == ["skipped", "passed", "skipped", "skipped"]


def test_checks_without_an_app_factory_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(TypeError, match="has no app factory"):
        packages.check_folder("lessons.l01_first_app.exercises.e01_goodbye.checks", Path())


# ---- the commands ----------------------------------------------------------------------------


def test_check_makes_the_copy_and_reports_like_any_exercise(run: Run, pretend: Pretend) -> None:
    code, out, _ = run("check", "capstone", "1")

    assert code == 1
    assert out.splitlines()[:6] == [
        "Capstone · challenge 1 · Say goodbye",
        f"  Made your copy of the capstone and its tests: {pretend.working}/",
        f"  Your copy: {pretend.working}",
        f"  Task:      {pretend.task}",
        "  1 of 4 checks pass.",
        "  First to fix: GET /goodbye says goodbye",
    ]
    assert out.endswith("  Stuck? The next hint: python -m lessons hint capstone 1\n")
    assert Progress.load().current == "capstone/c01_goodbye"


def test_a_solved_copy_passes_and_the_solution_is_line_for_line(run: Run, pretend: Pretend) -> None:
    run("check", "capstone", "1")
    apply_solution(pretend.solution, pretend.working)

    code, out, _ = run("check")
    assert code == 0
    assert "  All 4 checks pass: done!\n" in out
    code, out, _ = run("solution", "capstone", "1")
    assert code == 0
    assert out.endswith("Your copy has the reference solution's files, line for line.\n")
    assert "your copy passes" in out
    _, out, _ = run("check", "capstone")
    assert out == "Capstone challenges\n  capstone.1  Say goodbye: done\n"
    code, out, _ = run("check", "--all")
    assert (code, out) == (
        0,
        "  capstone.1  Say goodbye: done\n1 of 1 exercises done; progress rebuilt.\n",
    )
    _, out, _ = run("list")
    assert "Capstone challenges (python -m lessons check capstone N)\n" in out
    assert "      c1  Say goodbye  [done]   <- current\n" in out


def test_the_solution_is_a_diff_of_the_files_it_touches(run: Run, pretend: Pretend) -> None:
    code, out, _ = run("solution", "capstone", "1", "--yes")

    assert code == 0
    assert "+++ shop/goodbye.py\n" in out
    assert "--- /dev/null (yours)\n" in out
    assert f"--- {pretend.working}/shop/app.py (yours)\n" in out
    assert "+from shop.goodbye import goodbye\n" in out
    assert not pretend.working.exists()  # showing the solution starts nothing


def test_reset_keeps_the_copy_as_a_backup_folder(run: Run, pretend: Pretend) -> None:
    code, out, _ = run("reset", "capstone", "1")
    assert code == 0
    assert "Made your copy" in out
    (pretend.working / "shop" / "mine.py").write_text("")

    code, out, _ = run("reset", "capstone", "1", "--yes")

    assert code == 0
    backup = pretend.working.with_name("c01_goodbye.bak")
    assert f"  Back to the start. Your version: {backup}\n" in out
    assert (backup / "shop" / "mine.py").is_file()
    assert not (pretend.working / "shop" / "mine.py").exists()


def test_next_reaches_the_challenges_and_list_json_shows_them(
    run: Run, pretend: Pretend, monkeypatch: pytest.MonkeyPatch
) -> None:
    second = dataclasses.replace(pretend, number=2, name="c02_goodbye")
    monkeypatch.setattr(manifest, "challenges", lambda: (pretend, second))
    run("check", "capstone", "1")

    _, out, _ = run("next")

    assert out.splitlines() == [
        (
            "(Capstone · challenge 1 · Say goodbye is not done yet;"
            " `python -m lessons check capstone 1` goes back.)"
        ),
        "Now: Capstone · challenge 2 · Say goodbye",
        f"  Made your copy of the capstone and its tests: {second.working}/",
        f"  Task:      {second.task} (or docs/capstone/challenges.md)",
        f"  Your copy: {second.working}",
        "  Then:      python -m lessons check   (or python -m lessons watch)",
    ]
    _, out, _ = run("list", "--json")
    listed, _ = json.loads(out)["challenges"]
    assert listed["command"] == "check capstone 1"
    assert (listed["kind"], listed["state"], listed["test"]) == (
        "package",
        "started",
        "tests/test_goodbye.py",
    )
    assert listed["hints"] == [str(pretend.folder / "hint1.md"), str(pretend.folder / "hint2.md")]


def test_a_copy_missing_a_package_says_what_to_install(run: Run, pretend: Pretend) -> None:
    run("reset", "capstone", "1")
    (pretend.working / "shop" / "app.py").write_text("import no_such_package\n" + APP)

    _, out, _ = run("check", "capstone", "1")

    assert "ModuleNotFoundError: No module named 'no_such_package'" in out
    assert '    (the capstone needs: pip install -e ".[capstone]")\n' in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("check", "capstone", "x"), "challenge must be a number, not 'x'"),
        (("hint", "capstone", "9"), "there is no capstone challenge 9: choose 1-1"),
    ],
)
def test_a_challenge_that_does_not_exist_is_a_usage_error(
    run: Run, pretend: Pretend, argv: tuple[str, ...], message: str
) -> None:
    code, _, err = run(*argv)

    assert (code, err) == (2, f"python -m lessons: error: {message}\n")


def test_without_a_clone_there_are_no_challenges(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(manifest, "challenges", tuple)

    code, _, err = run("check", "capstone", "1")

    assert (code, err) == (
        2,
        "python -m lessons: error: the capstone challenges need a clone of the repository\n",
    )
    _, out, _ = run("list")
    assert "Capstone challenges" not in out
