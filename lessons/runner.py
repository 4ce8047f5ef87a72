"""The lesson runner: ``python -m lessons`` (or the ``litestar-lessons`` command).

    list [--json]        every lesson, its steps and its exercises (with your progress)
    run N [STEP]         serve a step on http://127.0.0.1:8000 with reload
    run N --exercise E   serve your own copy of an exercise the same way
    test N               run the lesson's tests
    show N               where the lesson's code, tests and page are
    diff N STEP          what STEP changes compared with the step before it

and the exercise loop (lessons/exercise_commands.py): check, watch, hint, solution, reset, next.

Bad input is a one-line error and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Sequence
from typing import NoReturn

from lessons import exercise_commands, exercise_listing
from lessons.cli import PROG, USAGE_ERROR, UsageError, route_lines
from lessons.cli import lesson as _lesson
from lessons.cli import number as _number
from lessons.manifest import LESSONS, ROOT, Lesson, Step


class _Parser(argparse.ArgumentParser):
    # argparse prints the whole usage block before its error; we want one line.
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 0
        code = int(args.handler(args))
        sys.stdout.flush()  # here, where a closed pipe can be handled, not at exit
    except UsageError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return USAGE_ERROR
    except BrokenPipeError:
        # `python -m lessons list | head`: the reader left early. Python would print a
        # traceback when it flushes stdout at exit; send what is left to nowhere instead.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return code


def _build_parser() -> _Parser:
    parser = _Parser(prog=PROG, description="Run, test and explore the Litestar lessons.")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    listing = commands.add_parser("list", help="every lesson, its steps and its exercises")
    listing.add_argument("--json", action="store_true", help="paths of everything, for tools")
    listing.set_defaults(handler=_list)

    run = commands.add_parser("run", help="serve a lesson step with reload")
    run.add_argument("lesson", help="lesson number, e.g. 1")
    run.add_argument("step", nargs="?", help="step number (default: the first step)")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8000)
    run.add_argument("--no-reload", dest="reload", action="store_false", help="do not reload")
    run.add_argument("--exercise", metavar="E", help="serve your copy of exercise E instead")
    run.set_defaults(handler=_run)

    test = commands.add_parser("test", help="run a lesson's tests")
    test.add_argument("lesson", help="lesson number, e.g. 1")
    test.add_argument("pytest_args", nargs=argparse.REMAINDER, help="passed on to pytest")
    test.set_defaults(handler=_test)

    show = commands.add_parser("show", help="where a lesson's code, tests and page are")
    show.add_argument("lesson", help="lesson number, e.g. 1")
    show.set_defaults(handler=_show)

    diff = commands.add_parser("diff", help="what a step changes compared with the one before")
    diff.add_argument("lesson", help="lesson number, e.g. 2")
    diff.add_argument("step", help="step number, 2 or later")
    diff.set_defaults(handler=_diff)

    exercise_commands.add_commands(commands)
    return parser


def _step(lesson: Lesson, text: str | None) -> Step:
    steps = lesson.steps()
    if text is None:
        return steps[0]
    number = _number("step", text)
    for step in steps:
        if step.number == number:
            return step
    choices = f"{steps[0].number}-{steps[-1].number}"
    raise UsageError(f"lesson {lesson.number:02d} has no step {number}: choose {choices}")


def _list(args: argparse.Namespace) -> int:
    if args.json:
        return exercise_listing.list_json()
    progress = exercise_commands.load_progress()
    for lesson in LESSONS:
        print(f"{lesson.number:02d}  {lesson.title}")
        for step in lesson.steps():
            print(f"      {step.number}  {step.title}  ({step.module})")
        exercise_listing.list_exercises(lesson, progress)
    exercise_listing.list_challenges(progress)
    print(f"\nStart one with: {PROG} run 1; practise with: {PROG} check")
    return 0


def _run(args: argparse.Namespace) -> int:
    lesson = _lesson(args.lesson)
    if args.exercise is not None:
        if args.step is not None:
            raise UsageError("give a step or --exercise, not both")
        return exercise_listing.serve_exercise(lesson, args)
    step = _step(lesson, args.step)
    module = f"lessons.{lesson.package}.{step.module}"
    routes = _routes(lesson, module)
    base = f"http://{args.host}:{args.port}"
    print(f"Lesson {lesson.number:02d} · {lesson.title} — step {step.number}: {step.title}")
    print(f"  Routes:   {', '.join(routes)}")
    print(f"  API:      {base}/")
    print(f"  Swagger:  {base}/schema/swagger")
    print(f"  OpenAPI:  {base}/schema/openapi.json")
    print(f"  Read:     docs/{lesson.page.as_posix()}")
    print(f"  Same app: litestar --app {module}:app run --reload")
    print("Press CTRL+C to stop.", flush=True)

    import uvicorn  # imported here so that `list` and `show` work without it  # noqa: PLC0415

    uvicorn.run(
        f"{module}:app",
        host=args.host,
        port=args.port,
        reload=args.reload,
        reload_dirs=[str(lesson.code_dir)] if args.reload else None,
    )
    return 0


def _routes(lesson: Lesson, module: str) -> list[str]:
    """Import the step (a clear error if its extra is missing) and list its HTTP routes."""
    try:
        app = importlib.import_module(module).app
    except ModuleNotFoundError as error:
        extras = ",".join(lesson.extras) or "all"
        raise UsageError(
            f"{error.name} is not installed; lesson {lesson.number:02d} needs: "
            f'pip install -e ".[{extras}]"'
        ) from None
    return route_lines(app)


def _test(args: argparse.Namespace) -> int:
    lesson = _lesson(args.lesson)
    if not lesson.tests_dir.is_dir():
        raise UsageError(f"no tests at {lesson.tests_dir}: run this from a clone of the repository")
    if importlib.util.find_spec("pytest") is None:
        # `pip install -e ".[all]"` brings the lessons, not the tools that test them.
        raise UsageError("pytest is not installed: pip install --group test -c constraints.txt")
    command = [sys.executable, "-m", "pytest", str(lesson.tests_dir), *args.pytest_args]
    print(" ".join(command), flush=True)
    return subprocess.call(command, cwd=ROOT)


def _show(args: argparse.Namespace) -> int:
    lesson = _lesson(args.lesson)
    print(f"Lesson {lesson.number:02d} · {lesson.title}")
    print(f"  Code:   {lesson.code_dir.relative_to(ROOT)}/")
    for step in lesson.steps():
        print(f"            {step.module}.py  {step.title}")
    print(f"  Tests:  {lesson.tests_dir.relative_to(ROOT)}/")
    print(f"  Page:   docs/{lesson.page.as_posix()}")
    print(f"  Run:    {PROG} run {lesson.number}")
    print(f"  Check:  {PROG} test {lesson.number}   (or: nox -s {lesson.session})")
    if lesson.extras:
        print(f'  Needs:  pip install -e ".[{",".join(lesson.extras)}]"')
    return 0


def _diff(args: argparse.Namespace) -> int:
    lesson = _lesson(args.lesson)
    sys.stdout.write(step_diff(lesson, _step(lesson, args.step)))
    return 0


# `# --8<-- [start:name]` lines mark sections for the docs; they are not part of what changed.
_SECTION_MARKER = re.compile(r"^\s*#\s*-+8<-+\s+\[(?:start|end):[^\]]*\]\s*$")


def step_diff(lesson: Lesson, step: Step) -> str:
    """What `step` changes compared with the step before it, as a unified diff.

    `python -m lessons diff` prints it, and the docs site shows it under each step
    (docs_hooks/step_diffs.py), so the two can never disagree.
    """
    steps = lesson.steps()
    index = steps.index(step)
    if index == 0:
        raise UsageError(f"step {step.number} is the first step of lesson {lesson.number:02d}")
    before = steps[index - 1]
    return "".join(
        difflib.unified_diff(
            _code_lines(lesson, before),
            _code_lines(lesson, step),
            fromfile=f"{before.module}.py",
            tofile=f"{step.module}.py",
        )
    )


def _code_lines(lesson: Lesson, step: Step) -> list[str]:
    text = (lesson.code_dir / f"{step.module}.py").read_text(encoding="utf-8")
    return [line for line in text.splitlines(keepends=True) if not _SECTION_MARKER.match(line)]
