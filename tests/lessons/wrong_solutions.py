"""Plausible wrong answers to an exercise, kept as tests: each must fail the check it names.

A wrong solution is the reference solution with a few exact text replacements: the mistake a
learner is likely to make. The test writes it to a temporary file, runs the exercise's checks
against it and asserts that the named check fails (an assertion, never an error). When the
solution changes so that a replacement no longer applies, the test fails and says so.

Two ways to write them: a list of :class:`Wrong` turned into one parametrized test by
:func:`wrong_solution_tests`, or :func:`failed_checks` inside a test of your own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from lessons.kit.running import Report, run_checks
from lessons.manifest import LESSONS, Exercise


@dataclass(frozen=True)
class Wrong:
    exercise: str  # the exercise's folder, e.g. "e01_order_updates"
    mistake: str  # what the learner got wrong, in a few words: the test's id
    replacements: tuple[tuple[str, str], ...]  # (text in solution.py, what it becomes)
    caught_by: str  # the name of the check function that must fail


def exercise(package: str, name: str) -> Exercise:
    lesson = next(lesson for lesson in LESSONS if lesson.package == package)
    return next(found for found in lesson.exercises() if found.name == name)


def run_wrong(
    exercise: Exercise, replacements: Iterable[tuple[str, str]], directory: Path
) -> Report:
    """Run the checks on the solution with each (old, new) replacement applied."""
    text = exercise.solution.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, f"{old!r} is no longer in {exercise.solution.name}"
        text = text.replace(old, new)
    path = directory / f"wrong_{exercise.name}.py"
    path.write_text(text, encoding="utf-8")
    report = run_checks(exercise, path)
    assert not report.load_error, report.load_error
    assert not [o for o in report.outcomes if o.status == "error"], report.outcomes
    return report


def failed_checks(
    exercise: Exercise, replacements: Mapping[str, str], directory: Path
) -> list[str]:
    """The checks that fail on the solution with ``replacements`` applied (old -> new)."""
    report = run_wrong(exercise, replacements.items(), directory)
    return [outcome.check.name for outcome in report.outcomes if outcome.status == "failed"]


def wrong_solution_tests(package: str, wrongs: list[Wrong]) -> Callable[..., None]:
    lesson = next(lesson for lesson in LESSONS if lesson.package == package)
    exercises = {exercise.name: exercise for exercise in lesson.exercises()}

    @pytest.mark.parametrize("wrong", wrongs, ids=lambda w: f"{w.exercise}-{w.mistake}")
    def test_a_wrong_solution_fails_its_check(wrong: Wrong, tmp_path: Path) -> None:
        report = run_wrong(exercises[wrong.exercise], wrong.replacements, tmp_path)
        outcomes = {outcome.check.name: outcome for outcome in report.outcomes}
        assert outcomes[wrong.caught_by].status == "failed", (
            f"{wrong.mistake}: {wrong.caught_by} did not fail "
            f"({outcomes[wrong.caught_by].status} {outcomes[wrong.caught_by].message})"
        )

    return test_a_wrong_solution_fails_its_check
