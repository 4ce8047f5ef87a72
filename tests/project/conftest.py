"""Fixtures for the exercise-loop tests: a private workspace, and lessons with known exercises.

The tests never read or write the workspace of whoever runs them: ``workspace`` points
``lessons.manifest.WORKSPACE`` at a temporary folder. ``two_exercises`` gives lesson 01 and
lesson 02 one exercise each, both copies of lesson 01's worked example, and every other lesson
none, so these tests do not change while the lessons' own exercises are being written.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from lessons import manifest, runner
from lessons.manifest import Exercise, Lesson

# The worked example every exercise test leans on.
REAL = next(e for e in Lesson("l01_first_app", "Your first app").exercises() if e.number == 1)

Run = Callable[..., tuple[int, str, str]]


@dataclass(frozen=True)
class Elsewhere(Exercise):
    """An exercise whose files are in a temporary folder; its checks are lesson 01's e01's."""

    root: Path = Path()

    @property
    def folder(self) -> Path:
        return self.root

    @property
    def checks_module(self) -> str:
        return REAL.checks_module


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run the runner in this process: (exit code, stdout, stderr)."""

    def run(*argv: str) -> tuple[int, str, str]:
        code = runner.main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Replace uvicorn.run so `run` returns instead of serving; record how it was called."""
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(
        uvicorn, "run", lambda app, **options: calls.append({"app": app, **options})
    )
    return calls


@pytest.fixture
def workspace(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    folder = tmp_path / "workspace"
    monkeypatch.setattr(manifest, "WORKSPACE", folder)
    return folder


@pytest.fixture
def two_exercises(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, workspace: Path
) -> tuple[Exercise, Exercise]:
    first = _copy(tmp_path, "l01_first_app", "e01_goodbye")
    second = _copy(tmp_path, "l02_routing", "e01_goodbye")
    by_lesson = {"l01_first_app": (first,), "l02_routing": (second,)}
    monkeypatch.setattr(Lesson, "exercises", lambda self: by_lesson.get(self.package, ()))
    monkeypatch.setattr(manifest, "challenges", tuple)  # and no capstone challenges
    return first, second


def _copy(tmp_path: Path, lesson: str, name: str) -> Elsewhere:
    folder = tmp_path / "shipped" / lesson / name
    shutil.copytree(REAL.folder, folder, ignore=shutil.ignore_patterns("__pycache__"))
    return Elsewhere(lesson=lesson, number=1, name=name, title=REAL.title, root=folder)


def solve(exercise: Exercise) -> None:
    """Put the reference solution in the learner's working copy."""
    exercise.working.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(exercise.solution, exercise.working)


def write(exercise: Exercise, source: str) -> None:
    exercise.working.parent.mkdir(parents=True, exist_ok=True)
    exercise.working.write_text(source, encoding="utf-8")
