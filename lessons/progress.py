"""A learner's progress through the exercises: one ignored JSON file under ``workspace/``.

It records three things: which exercises passed their checks the last time they were checked,
how many hints of each the learner has seen, and which exercise they are working on. Nothing
in it is precious: ``python -m lessons check --all`` rebuilds the "done" part from the checks,
and a file that cannot be read is started afresh. It imports only the standard library (no
Litestar), so ``python -m lessons list`` answers at once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from lessons import manifest
from lessons.manifest import LESSONS, Exercise

State = Literal["done", "started", "not started"]
VERSION = 1


def key(exercise: Exercise) -> str:
    """``l01_first_app/e01_goodbye``: how an exercise is named in the progress file."""
    return f"{exercise.lesson}/{exercise.name}"


def all_exercises() -> tuple[Exercise, ...]:
    """Every lesson's exercises in order, then the capstone's challenges."""
    lessons = tuple(exercise for lesson in LESSONS for exercise in lesson.exercises())
    return lessons + manifest.challenges()


def progress_file() -> Path:
    # Looked up on every call, so that tests (and a redirected workspace) take effect.
    return manifest.WORKSPACE / "progress.json"


@dataclass
class Progress:
    done: set[str] = field(default_factory=set)
    hints: dict[str, int] = field(default_factory=dict)
    current: str | None = None
    # Why the file on disk was not used, when it was not: shown once to the learner.
    problem: str = ""

    @classmethod
    def load(cls) -> Progress:
        path = progress_file()
        if not path.is_file():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            progress = cls(
                done={str(name) for name in data["done"]},
                hints={str(name): int(level) for name, level in data["hints"].items()},
                current=None if data["current"] is None else str(data["current"]),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            problem = (
                f"{path.name} could not be read ({type(error).__name__}); starting afresh: "
                "`python -m lessons check --all` rebuilds it from your working copies"
            )
            return cls(problem=problem)
        return progress

    def save(self) -> None:
        path = progress_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "version": VERSION,
            "current": self.current,
            "done": sorted(self.done),
            "hints": dict(sorted(self.hints.items())),
        }
        # Written whole to a temporary file, then renamed: an interrupted save never
        # leaves half a file behind.
        temporary = path.with_suffix(".json.tmp")
        temporary.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        temporary.replace(path)

    def state(self, exercise: Exercise) -> State:
        if not exercise.working.exists():  # a file, or a challenge's folder
            return "not started"
        return "done" if key(exercise) in self.done else "started"

    def record(self, exercise: Exercise, *, passed: bool) -> None:
        if passed:
            self.done.add(key(exercise))
        else:
            self.done.discard(key(exercise))

    def current_exercise(self) -> Exercise | None:
        """The exercise chosen last (by ``next`` or ``check N E``), else the first not done.

        ``None`` only when every exercise is done (or there are none).
        """
        exercises = all_exercises()
        chosen = next((e for e in exercises if key(e) == self.current), None)
        if chosen is not None:
            return chosen
        return next((e for e in exercises if self.state(e) != "done"), None)

    def following(self, exercise: Exercise | None) -> Exercise | None:
        """The first exercise after ``exercise`` that is not done, wrapping round to the start."""
        exercises = all_exercises()
        index = exercises.index(exercise) + 1 if exercise in exercises else 0
        later = exercises[index:] + exercises[:index]
        return next((e for e in later if self.state(e) != "done" and e != exercise), None)
