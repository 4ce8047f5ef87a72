"""The two-sided test of a lesson's exercises: each start is unsolved, each solution solves it.

A lesson's ``tests/lessons/<package>/test_exercises.py`` is one line::

    test_solution_passes, test_start_is_unsolved, test_files, test_count = two_sided_tests(
        "l01_first_app"
    )

so that it runs in the lesson's own nox session, with only that lesson's extras installed.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

import pytest

from lessons.kit.running import Report, run_checks
from lessons.manifest import LESSONS, Exercise

MIN_HINTS = 2
MIN_EXERCISES = 2


def _explain(report: Report) -> str:
    if report.load_error:
        return report.load_error
    return "\n\n".join(
        f"[{outcome.status}] {outcome.check.description}\n{outcome.message}"
        for outcome in report.outcomes
        if outcome.status != "passed"
    )


def explain(report: Report) -> str:
    return _explain(report)


def assert_unsolved(report: Report) -> None:
    """The start is unsolved, and says so only through the checks' own assertions."""
    # The start imports and has an app: a learner's first `check` talks about the task,
    # never about a broken file.
    assert not report.load_error, report.load_error
    # It fails through the checks' own assertions (or its "not done yet"), never an error.
    errors = [outcome for outcome in report.outcomes if outcome.status == "error"]
    assert not errors, _explain(report)
    assert any(outcome.status == "failed" for outcome in report.outcomes), (
        "every check passes on the starting file: there is nothing left to do"
    )
    for outcome in report.outcomes:
        marked = bool(outcome.check.passes_on_start)
        passed = outcome.status == "passed"
        assert passed == marked, (
            f"{outcome.check.description!r} {'passes' if passed else 'fails'} on the start"
            f" but is{'' if marked else ' not'} marked passes_on_start"
        )


def last_hint_links_a_section(exercise: Exercise) -> None:
    assert len(exercise.hints) >= MIN_HINTS, f"{exercise.name} needs at least two hints"
    last_hint = exercise.hints[-1].read_text(encoding="utf-8")
    assert re.search(r"\]\([^)]*#", last_hint), (
        "the last hint links to the page section that teaches the idea"
    )


def two_sided_tests(package: str) -> tuple[Callable[..., None], ...]:
    """The tests every lesson runs over its exercises."""
    lesson = next(lesson for lesson in LESSONS if lesson.package == package)
    exercises = lesson.exercises()
    parametrize = pytest.mark.parametrize("exercise", exercises, ids=lambda e: e.name)

    @parametrize
    def test_solution_passes(exercise: Exercise) -> None:
        report = run_checks(exercise, exercise.solution)
        assert report.passed, _explain(report)

    @parametrize
    def test_start_is_unsolved(exercise: Exercise) -> None:
        assert_unsolved(run_checks(exercise, exercise.start))

    @parametrize
    def test_files(exercise: Exercise) -> None:
        assert exercise.task.is_file(), f"{exercise.name} has no task.md"
        assert exercise.solution.is_file(), f"{exercise.name} has no solution.py"
        last_hint_links_a_section(exercise)
        solution_doc = ast.get_docstring(ast.parse(exercise.solution.read_text(encoding="utf-8")))
        assert (solution_doc or "").splitlines()[0].rstrip(".") == exercise.title, (
            "start.py and solution.py begin with the same title line"
        )

    def test_count() -> None:
        assert len(exercises) >= MIN_EXERCISES, f"{package} needs at least two exercises"

    return test_solution_passes, test_start_is_unsolved, test_files, test_count
