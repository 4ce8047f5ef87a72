"""What every runner command shares: the program's name, usage errors, reading numbers.

Bad input is a one-line error and exit code 2, never a traceback; :class:`UsageError` is how a
command says so. Standard library only, like the manifest.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from lessons import manifest
from lessons.manifest import LESSONS, ROOT, Exercise, Lesson, find

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


def shown(path: Path) -> str:
    """A path as a learner types it: relative to the clone when it is inside it."""
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def name(exercise: Exercise) -> str:
    """``Lesson 01 · exercise 1 · Say goodbye``."""
    return f"Lesson {int(exercise.lesson[1:3]):02d} · exercise {exercise.number} · {exercise.title}"


def numbers(exercise: Exercise) -> str:
    """``1 1``: the arguments that name this exercise on the command line."""
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
