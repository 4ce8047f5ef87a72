"""What ``list`` shows of the exercises, ``list --json`` for tools, and ``run N --exercise E``.

The runner's ``list`` and ``run`` call these; the exercise loop itself is in
lessons/exercise_commands.py.
"""

from __future__ import annotations

import argparse
import ast
import json
from pathlib import Path

from lessons import cli, manifest
from lessons.cli import name, shown
from lessons.exercise_commands import FAILED, ensure_working_copy, load_progress
from lessons.manifest import LESSONS, ROOT, Lesson
from lessons.progress import Progress, key


def list_exercises(lesson: Lesson, progress: Progress) -> None:
    """The exercise lines under a lesson in ``list``."""
    current = progress.current_exercise()
    for exercise in lesson.exercises():
        marker = "   <- current" if exercise == current else ""
        state = progress.state(exercise)
        print(f"      e{exercise.number}  {exercise.title}  [{state}]{marker}")


def list_challenges(progress: Progress) -> None:
    """The capstone's challenges in ``list``, after the last lesson."""
    found = manifest.challenges()
    if not found:
        return
    current = progress.current_exercise()
    print("Capstone challenges (python -m lessons check capstone N)")
    for challenge in found:
        marker = "   <- current" if challenge == current else ""
        state = progress.state(challenge)
        print(f"      c{challenge.number}  {challenge.title}  [{state}]{marker}")


def list_json() -> int:
    """Lessons, steps and exercises with their paths (relative to ``root``), for tools."""
    progress = load_progress()
    current = progress.current_exercise()

    def relative(path: Path) -> str:
        return shown(path)

    data = {
        "root": str(ROOT),
        "progress": relative(cli.workspace() / "progress.json"),
        "current": None if current is None else key(current),
        "lessons": [
            {
                "number": lesson.number,
                "package": lesson.package,
                "title": lesson.title,
                "page": f"docs/{lesson.page.as_posix()}",
                "code": relative(lesson.code_dir),
                "tests": relative(lesson.tests_dir),
                "session": lesson.session,
                "extras": list(lesson.extras),
                "steps": [
                    {
                        "number": step.number,
                        "title": step.title,
                        "module": f"lessons.{lesson.package}.{step.module}",
                        "path": relative(lesson.code_dir / f"{step.module}.py"),
                        "test": relative(lesson.tests_dir / f"test_{step.module}.py"),
                    }
                    for step in lesson.steps()
                ],
                "exercises": [
                    {
                        "number": exercise.number,
                        "name": exercise.name,
                        "title": exercise.title,
                        "state": progress.state(exercise),
                        "working": relative(exercise.working),
                        "start": relative(exercise.start),
                        "solution": relative(exercise.solution),
                        "checks": relative(exercise.checks),
                        "task": relative(exercise.task),
                        "hints": [relative(hint) for hint in exercise.hints],
                        "tests": relative(lesson.tests_dir / "test_exercises.py"),
                    }
                    for exercise in lesson.exercises()
                ],
            }
            for lesson in LESSONS
        ],
        "challenges": [
            {
                "number": challenge.number,
                "name": challenge.name,
                "title": challenge.title,
                "kind": "package",
                "state": progress.state(challenge),
                "command": f"check capstone {challenge.number}",
                "page": challenge.page,
                "working": relative(challenge.working),
                "start": relative(challenge.start),
                "solution": relative(challenge.solution),
                "checks": relative(challenge.checks),
                "task": relative(challenge.task),
                "hints": [relative(hint) for hint in challenge.hints],
                "test": challenge.test_file,
                "tests": "tests/capstone/test_challenges.py",
            }
            for challenge in manifest.challenges()
        ],
    }
    print(json.dumps(data, indent=2, ensure_ascii=False))
    return 0


def serve_exercise(lesson: Lesson, args: argparse.Namespace) -> int:
    """``run N --exercise E``: the learner's own copy, served like a step."""
    exercise = cli.exercise(lesson, args.exercise)
    print(name(exercise))
    ensure_working_copy(exercise)
    from lessons.kit.running import LoadError, loaded_app  # noqa: PLC0415 - slow to import

    try:
        with loaded_app(exercise, exercise.working) as app:
            routes = cli.route_lines(app)
    except LoadError as error:
        print(f"  Your file does not run yet: {error}")
        return FAILED
    base = f"http://{args.host}:{args.port}"
    print(f"  Your file: {shown(exercise.working)}")
    print(f"  Routes:    {', '.join(routes)}")
    print(f"  API:       {base}/   Swagger: {base}/schema/swagger")
    print("Press CTRL+C to stop.", flush=True)

    import uvicorn  # noqa: PLC0415 - only this command needs it

    # The copy is not inside a package: uvicorn imports it by file name from its folder.
    folder = exercise.working.parent
    attribute = app_attribute(exercise.working)
    uvicorn.run(
        f"{exercise.working.stem}:{attribute}",
        host=args.host,
        port=args.port,
        reload=args.reload,
        reload_dirs=[str(folder)] if args.reload else None,
        app_dir=str(folder),
        factory=attribute == "create_app",
    )
    return 0


def app_attribute(path: Path) -> str:
    """``app`` when the file assigns one at module level, else its ``create_app`` factory."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if any(isinstance(target, ast.Name) and target.id == "app" for target in targets):
            return "app"
    return "create_app"
