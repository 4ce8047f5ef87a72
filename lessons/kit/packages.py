"""A capstone challenge: the learner's copy, the reference solution, the checks in a subprocess.

The copy is a folder (``workspace/capstone/cNN_name/``) holding the capstone and its tests as
they were when it was made, and a ``pytest.ini`` so that ``python -m pytest`` run there tests
the copy, not the clone. The checks run in a fresh interpreter started in that folder: there,
``import capstone`` is the learner's package, and nothing the runner imported decides it.

The reference solution is not a copy of the capstone: it is the files the feature adds, plus
small edits anchored on one line of text each (``solution/edits.toml``). An anchor that is
gone, or found twice, or a new file that the capstone now has, is a :class:`SolutionError`
that names it: the capstone changed under the solution, and the solution must follow.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from lessons.kit.checks import Check
from lessons.kit.running import (
    Outcome,
    Report,
    _where,
    load_checks,
    outcome_of,
    run_against,
    run_in_order,
)
from lessons.manifest import Exercise

EDITS = "edits.toml"
MARK = "lessons-check-results: "  # the line of the checks' subprocess that carries the results
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache")
# The longest the checks of one challenge may take (they run the learner's tests twice).
TIMEOUT_SECONDS = 600


class SolutionError(Exception):
    """The reference solution no longer applies to the capstone: it says where."""


# --- the copy ----------------------------------------------------------------------------------


def make_copy(target: Path, sources: Sequence[str], root: Path) -> None:
    """Copy ``sources`` (files and folders, relative to ``root``) into a new folder ``target``."""
    target.mkdir(parents=True)
    for source in sources:
        origin, copy = root / source, target / source
        if origin.is_dir():
            shutil.copytree(origin, copy, ignore=IGNORED)
        else:
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(origin, copy)
    (target / "pytest.ini").write_text(pytest_ini(root), encoding="utf-8")


def pytest_ini(root: Path) -> str:
    """The clone's pytest settings, for the copy: without it, pytest run in the copy would find
    the clone's pyproject.toml above it, and put the clone's capstone first on the path."""
    options = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "pytest"
    ]["ini_options"]
    warnings = "".join(f"\n    {line}" for line in options["filterwarnings"])
    return (
        "# Made by `python -m lessons`: pytest run here tests this copy (imports start here).\n"
        "[pytest]\npythonpath = .\n"
        f"addopts = {' '.join(options['addopts'])} -p no:cacheprovider\n"
        f"filterwarnings ={warnings}\n"
    )


# --- the reference solution ------------------------------------------------------------------


def new_files(solution: Path) -> list[str]:
    """The files the solution adds, relative to the copy."""
    return sorted(
        path.relative_to(solution).as_posix()
        for path in solution.rglob("*")
        if path.is_file() and path.name != EDITS and "__pycache__" not in path.parts
    )


def edits(solution: Path) -> list[dict[str, str]]:
    """The anchored edits: each names a ``file``, an ``anchor`` and ``before`` or ``after``."""
    path = solution / EDITS
    if not path.is_file():
        return []
    found: list[dict[str, str]] = tomllib.loads(path.read_text(encoding="utf-8"))["edit"]
    return found


def touched(solution: Path) -> list[str]:
    """Every file the solution adds or changes, relative to the copy."""
    return sorted({*new_files(solution), *(edit["file"] for edit in edits(solution))})


def apply_solution(solution: Path, target: Path) -> None:
    """Add the solution's files to the copy in ``target`` and make its edits there."""
    for name in new_files(solution):
        if (target / name).exists():
            message = f"the solution adds {name}, but the capstone has one now: merge them"
            raise SolutionError(message)
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(solution / name, target / name)
    for edit in edits(solution):
        path = target / edit["file"]
        text = path.read_text(encoding="utf-8")
        anchor = edit["anchor"]
        count = text.count(anchor)
        if count != 1:
            message = (
                f"{edit['file']}: the solution's anchor {anchor!r} is there {count} times,"
                " not once: the capstone changed; update solution/edits.toml"
            )
            raise SolutionError(message)
        if "before" in edit:
            text = text.replace(anchor, edit["before"] + anchor)
        else:
            text = text.replace(anchor, anchor + edit["after"])
        path.write_text(text, encoding="utf-8")


# --- the checks, in a subprocess -----------------------------------------------------------


def run_package_checks(exercise: Exercise, folder: Path, only: Collection[str] = ()) -> Report:
    """Run the challenge's checks in a fresh interpreter started in ``folder``."""
    checks = {check.name: check for check in load_checks(exercise)}
    if not folder.is_dir():
        return Report(path=folder, outcomes=(), load_error=f"there is no copy at {folder}")
    command = [sys.executable, "-m", "lessons.kit.packages", exercise.checks_module, str(folder)]
    # `-m` puts the folder first on the path: `capstone` is the copy's, whatever else is installed.
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [*command, *only],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith(MARK)]
    if not lines:
        tail = " ".join(done.stderr.strip().splitlines()[-3:])
        message = f"the checks did not run (exit status {done.returncode}): {tail}"
        return Report(path=folder, outcomes=(), load_error=message)
    result = json.loads(lines[-1].removeprefix(MARK))
    outcomes = tuple(
        Outcome(checks[item["name"]], item["status"], item["message"])
        for item in result["outcomes"]
    )
    return Report(path=folder, outcomes=outcomes, load_error=result["load_error"])


def check_folder(checks_module: str, folder: Path, only: Collection[str] = ()) -> dict[str, Any]:
    """In the subprocess: run the checks, each against a freshly built app, as plain data."""
    checks = importlib.import_module(checks_module).checks
    factory = checks.app
    if factory is None:
        message = f"{checks_module}.checks has no app factory: Checks(app=...)"
        raise TypeError(message)
    with tempfile.TemporaryDirectory() as scratch:
        try:
            factory(Path(scratch))
        except (Exception, SystemExit) as error:  # noqa: BLE001 - the learner's code
            problem = f"your copy does not build its app: {_where(error, folder)}"
            return {"load_error": problem, "outcomes": []}

    def run_one(check: Check) -> Outcome:
        def run() -> None:
            with tempfile.TemporaryDirectory() as scratch:
                run_against(factory(Path(scratch)), check, folder=folder)

        return outcome_of(check, run, folder)

    outcomes = run_in_order(checks, run_one, only)
    return {
        "load_error": "",
        "outcomes": [
            {"name": o.check.name, "status": o.status, "message": o.message} for o in outcomes
        ],
    }


def main(argv: Sequence[str]) -> int:
    checks_module, folder, *only = argv
    result = check_folder(checks_module, Path(folder), only)
    sys.stdout.write(MARK + json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":  # pragma: no cover - run by run_package_checks, in a subprocess
    sys.exit(main(sys.argv[1:]))
