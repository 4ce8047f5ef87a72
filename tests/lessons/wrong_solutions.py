"""Prove that an exercise's checks reject the wrong solutions a learner is likely to write.

Each wrong solution is the reference solution with a few strings replaced. The test writes
it to a temporary file, runs the exercise's checks against it, and names the checks that
failed, so a test can say which check catches which mistake.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from lessons.kit.running import run_checks
from lessons.manifest import LESSONS, Exercise


def exercise(package: str, name: str) -> Exercise:
    lesson = next(lesson for lesson in LESSONS if lesson.package == package)
    return next(found for found in lesson.exercises() if found.name == name)


def failed_checks(
    exercise: Exercise, replacements: Mapping[str, str], directory: Path
) -> list[str]:
    """The checks that fail on the solution with ``replacements`` applied (old -> new)."""
    source = exercise.solution.read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in source, f"{old!r} is not in {exercise.solution.name}"
        source = source.replace(old, new)
    wrong = directory / f"wrong_{exercise.name}.py"
    wrong.write_text(source, encoding="utf-8")
    report = run_checks(exercise, wrong)
    assert not report.load_error, report.load_error
    return [outcome.check.name for outcome in report.outcomes if outcome.status == "failed"]
