"""What every runner command shares: the program's name, usage errors, reading numbers.

Bad input is a one-line error and exit code 2, never a traceback; :class:`UsageError` is how a
command says so. Standard library only, like the manifest.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from lessons import manifest
from lessons.manifest import CAPSTONE, LESSONS, ROOT, Exercise, Lesson, find

PROG = "python -m lessons"
USAGE_ERROR = 2


class UsageError(Exception):
    """Raised for bad command-line input; printed as one line, exit code 2."""


def number(what: str, text: str) -> int:
    if not text.isdigit():
        raise UsageError(f"{what} must be a number, not {text!r}")
    return int(text)


def lesson(text: str) -> Lesson:
    wanted = number("lesson", text)
    found = find(wanted)
    if found is None:
        first, last = LESSONS[0].number, LESSONS[-1].number
        raise UsageError(f"there is no lesson {wanted}: choose {first}-{last} ({PROG} list)")
    return found


def exercise(chosen: Lesson, text: str) -> Exercise:
    wanted = number("exercise", text)
    exercises = chosen.exercises()
    if not exercises:
        raise UsageError(f"lesson {chosen.number:02d} has no exercises yet ({PROG} list)")
    for candidate in exercises:
        if candidate.number == wanted:
            return candidate
    choices = f"{exercises[0].number}-{exercises[-1].number}"
    raise UsageError(f"lesson {chosen.number:02d} has no exercise {wanted}: choose {choices}")


def challenge(text: str) -> Exercise:
    """``capstone N``: the capstone's challenge N."""
    wanted = number("challenge", text)
    found = manifest.challenges()
    for candidate in found:
        if candidate.number == wanted:
            return candidate
    if not found:
        raise UsageError("the capstone challenges need a clone of the repository")
    raise UsageError(f"there is no capstone challenge {wanted}: choose 1-{found[-1].number}")


def chosen(lesson_text: str, exercise_text: str) -> Exercise:
    """``1 2`` is lesson 01's exercise 2; ``capstone 1`` is the capstone's challenge 1."""
    if lesson_text == CAPSTONE:
        return challenge(exercise_text)
    return exercise(lesson(lesson_text), exercise_text)


def shown(path: Path) -> str:
    """A path as a learner types it: relative to the clone when it is inside it."""
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def name(exercise: Exercise) -> str:
    """``Lesson 01 · exercise 1 · Say goodbye`` (``Capstone · challenge 1 · …``)."""
    if exercise.is_package:
        return f"Capstone · challenge {exercise.number} · {exercise.title}"
    return f"Lesson {int(exercise.lesson[1:3]):02d} · exercise {exercise.number} · {exercise.title}"


def numbers(exercise: Exercise) -> str:
    """``1 1``: the arguments that name this exercise on the command line."""
    if exercise.is_package:
        return f"{CAPSTONE} {exercise.number}"
    return f"{int(exercise.lesson[1:3])} {exercise.number}"


def confirm(question: str, *, yes: bool) -> bool:
    """Ask a yes/no question; no by default, and always no when nobody can answer."""
    if yes:
        return True
    if not sys.stdin.isatty():
        # CI, a pipe, an editor's task runner: waiting for an answer would hang forever.
        print(f"{question} [y/N] no (nobody to ask: stdin is not a terminal; add --yes)")
        return False
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in {"y", "yes"}


def workspace() -> Path:
    return manifest.WORKSPACE


def route_lines(app: Any) -> list[str]:
    """``GET /tasks``, ``WS /ws``, ``ASGI /mounted``: an app's routes, without the schema's."""
    kinds = {"WebSocketRoute": ["WS"], "ASGIRoute": ["ASGI"]}
    return [
        f"{method} {route.path}"
        for route in app.routes
        if not route.path.startswith("/schema")
        for method in sorted(getattr(route, "methods", ())) or kinds[type(route).__name__]
        if method not in {"HEAD", "OPTIONS"}
    ]
