"""A capstone challenge's checks, run in a fresh interpreter started in the learner's copy.

There, ``import capstone`` is the learner's package (``-m`` puts the folder first on the
path), and nothing the runner imported decides it. Each check gets the copy's app, built by
the checks' own factory (``Checks(app=...)``) on a fresh folder for its database. The copy and
the reference solution are made by lessons/copies.py.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import tempfile
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
from lessons.manifest import ROOT, Exercise

MARK = "lessons-check-results: "  # the line of the checks' subprocess that carries the results
# The longest the checks of one challenge may take (they run the learner's tests twice).
TIMEOUT_SECONDS = 600


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
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": _path()},
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


def _path() -> str:
    """The clone after the copy (the copy is first: `-m` puts the folder there), so that the
    subprocess runs these lessons and these checks, even where an installed wheel has none."""
    return os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))


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
