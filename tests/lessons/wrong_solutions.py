"""Plausible wrong answers to an exercise, kept as tests: each must fail the check it names.

A wrong solution is the reference solution with a few exact text replacements: the mistake a
learner is likely to make. The test writes it to a temporary file, runs the exercise's checks
against it and asserts that the named check fails (an assertion, never an error). When the
solution changes so that a replacement no longer applies, the test fails and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from lessons.kit.running import run_checks
from lessons.manifest import LESSONS


@dataclass(frozen=True)
class Wrong:
    exercise: str  # the exercise's folder, e.g. "e01_order_updates"
    mistake: str  # what the learner got wrong, in a few words: the test's id
    replacements: tuple[tuple[str, str], ...]  # (text in solution.py, what it becomes)
    caught_by: str  # the name of the check function that must fail


def wrong_solution_tests(package: str, wrongs: list[Wrong]) -> Callable[..., None]:
    lesson = next(lesson for lesson in LESSONS if lesson.package == package)
    exercises = {exercise.name: exercise for exercise in lesson.exercises()}

    @pytest.mark.parametrize("wrong", wrongs, ids=lambda w: f"{w.exercise}-{w.mistake}")
    def test_a_wrong_solution_fails_its_check(wrong: Wrong, tmp_path: Path) -> None:
        exercise = exercises[wrong.exercise]
        text = exercise.solution.read_text(encoding="utf-8")
        for old, new in wrong.replacements:
            assert old in text, f"{wrong.mistake}: {old!r} is no longer in the solution"
            text = text.replace(old, new)
        path = tmp_path / "wrong.py"
        path.write_text(text, encoding="utf-8")

        report = run_checks(exercise, path)

        assert not report.load_error, report.load_error
        outcomes = {outcome.check.name: outcome for outcome in report.outcomes}
        assert outcomes[wrong.caught_by].status == "failed", (
            f"{wrong.mistake}: {wrong.caught_by} did not fail "
            f"({outcomes[wrong.caught_by].status} {outcomes[wrong.caught_by].message})"
        )
        assert not [o for o in report.outcomes if o.status == "error"], report.outcomes

    return test_a_wrong_solution_fails_its_check
