"""The exercise loop: ``check``, ``watch``, ``hint``, ``solution``, ``reset``, ``next``.

    check [N [E]] [--all]   run the checks of the current exercise (or one lesson, or all)
                            (`capstone` for N: the capstone's challenges, `check capstone 1`)
    watch [N E] [--poll]    check again every time the working file is saved
    hint N E                the next hint (each call shows one more)
    solution N E [--yes]    the reference solution, as a diff against your file
    reset N E [--yes]       put the shipped start back (your file is kept as a backup)
    next                    move on to the next exercise that is not done

A learner edits a working copy under ``workspace/`` (git ignores it), made from the exercise's
``start.py`` on first use. Nothing moves on by itself: a pass says how to, ``next`` does it.
``list`` and ``run N --exercise E`` (lessons/exercise_listing.py) show and serve the same copies.
"""

from __future__ import annotations

import argparse
import difflib
import posixpath
import re
import shutil
import sys
import tempfile
import textwrap
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lessons import cli, manifest, watching
from lessons.cli import PROG, UsageError, confirm, name, numbers, shown
from lessons.copies import apply_solution, make_copy, touched
from lessons.manifest import CAPSTONE, LESSONS, Challenge, Exercise
from lessons.progress import Progress, all_exercises, key

if TYPE_CHECKING:
    from lessons.kit.running import Report

FAILED = 1  # the exercise does not pass yet, or the learner said no
WIDTH = 92  # prose is wrapped to this many columns


def add_commands(commands: argparse._SubParsersAction[Any]) -> None:
    """Add the exercise commands to the runner's parser (its subparsers, with its error())."""
    check = commands.add_parser("check", help="run the checks of the current exercise")
    check.add_argument("lesson", nargs="?", help="lesson number (default: the current exercise)")
    check.add_argument("exercise", nargs="?", help="exercise number (default: all of the lesson)")
    check.add_argument(
        "--all", action="store_true", help="check every exercise and rebuild your progress"
    )
    check.set_defaults(handler=_check)

    watch = commands.add_parser("watch", help="check again whenever your file is saved")
    watch.add_argument("lesson", nargs="?", help="lesson number (default: the current exercise)")
    watch.add_argument("exercise", nargs="?", help="exercise number")
    watch.add_argument("--poll", action="store_true", help="poll for changes instead of events")
    watch.set_defaults(handler=_watch)

    for command, text, handler in (
        ("hint", "show the next hint of an exercise", _hint),
        ("solution", "the reference solution as a diff against your file", _solution),
        ("reset", "restore the starting file (keeps a backup of yours)", _reset),
    ):
        sub = commands.add_parser(command, help=text)
        sub.add_argument("lesson", help="lesson number, e.g. 1")
        sub.add_argument("exercise", help="exercise number, e.g. 1")
        if command != "hint":
            sub.add_argument("--yes", action="store_true", help="do not ask; answer yes")
        sub.set_defaults(handler=handler)

    move_on = commands.add_parser("next", help="move on to the next exercise not done")
    move_on.set_defaults(handler=_next)


# --- working copies and progress ------------------------------------------------------------


def load_progress() -> Progress:
    progress = Progress.load()
    if progress.problem:
        print(f"note: {progress.problem}", file=sys.stderr)
    return progress


def ensure_working_copy(exercise: Exercise) -> bool:
    """Make the learner's copy from the shipped start if there is none; True when made."""
    if exercise.working.exists():
        return False
    exercise.working.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(exercise, Challenge):
        make_copy(exercise.working, exercise.sources, exercise.source_root)
        print(f"  Made your copy of the capstone and its tests: {shown(exercise.working)}/")
        return True
    shutil.copyfile(exercise.start, exercise.working)
    print(f"  Made your copy of the starting file: {shown(exercise.working)}")
    return True


def _chosen(args: argparse.Namespace) -> Exercise:
    return cli.chosen(args.lesson, args.exercise)


def _yours(exercise: Exercise) -> str:
    """``Your file:`` or, for a challenge, ``Your copy:``: how the next path is introduced."""
    return "Your copy:" if exercise.is_package else "Your file:"


# --- check --------------------------------------------------------------------------------


def run_exercise(exercise: Exercise) -> Report:
    """The checks of ``exercise`` against the learner's copy; a missing extra is a report too."""
    from lessons.kit.running import Report, run_checks  # noqa: PLC0415 - Litestar is slow to import

    try:
        return run_checks(exercise, exercise.working)
    except ModuleNotFoundError as error:  # the checks themselves need a lesson's extra
        return Report(path=exercise.working, outcomes=(), load_error=f"{error}")


def _needs_extras(exercise: Exercise, report: Report) -> str:
    if "No module named" not in report.load_error:
        return ""
    if exercise.is_package:
        return 'the capstone needs: pip install -e ".[capstone]"'
    lesson = next(lesson for lesson in LESSONS if lesson.package == exercise.lesson)
    extras = ",".join(lesson.extras) or "all"
    return f'this lesson needs: pip install -e ".[{extras}]"'


def print_report(exercise: Exercise, report: Report) -> None:
    passed, total = report.counts
    if report.load_error:
        print("  Your file does not run yet, so no check could run:")
        print(f"    {report.load_error}")
        extras = _needs_extras(exercise, report)
        if extras:
            print(f"    ({extras})")
    elif report.passed:
        print(f"  All {total} checks pass: done!")
        print(f"  Move on with: {PROG} next   (compare: {PROG} solution {numbers(exercise)})")
        return
    else:
        print(f"  {passed} of {total} checks pass.")
        problem = report.first_problem
        assert problem is not None  # noqa: S101 - a report that did not pass has one
        print(f"  First to fix: {problem.check.description}")
        if problem.status == "error":
            print("    your app raised an error while the check ran:")
        for raw in problem.message.splitlines():
            line = f"    {raw.strip() if raw.startswith(' ' * 10) else raw}"
            if line.startswith("    think:"):  # a nudge is prose: wrapped to fit a terminal
                line = textwrap.fill(line, WIDTH, subsequent_indent=" " * 14)
            print(line)
        waiting = sum(outcome.status == "skipped" for outcome in report.outcomes)
        if waiting:
            more = "1 more check waits" if waiting == 1 else f"{waiting} more checks wait"
            print(f"  ({more} for this one to pass)")
    print(f"  Stuck? The next hint: {PROG} hint {numbers(exercise)}")


def check_one(exercise: Exercise, progress: Progress) -> bool:
    print(name(exercise))
    ensure_working_copy(exercise)
    print(f"  {_yours(exercise)} {shown(exercise.working)}")
    print(f"  Task:      {shown(exercise.task)}")
    report = run_exercise(exercise)
    print_report(exercise, report)
    progress.record(exercise, passed=report.passed)
    progress.save()
    return report.passed


def _summary(exercise: Exercise, progress: Progress) -> bool:
    """One line for ``check N`` and ``check --all``: checked when there is a working copy."""
    label = f"  {_short(exercise)}  {exercise.title}:"
    if not exercise.working.exists():
        progress.record(exercise, passed=False)
        print(f"{label} not started ({PROG} check {numbers(exercise)} begins it)")
        return False
    report = run_exercise(exercise)
    progress.record(exercise, passed=report.passed)
    passed, total = report.counts
    if report.passed:
        print(f"{label} done")
    elif report.load_error:
        print(f"{label} does not run yet ({PROG} check {numbers(exercise)} says why)")
    else:
        print(f"{label} {passed} of {total} checks pass ({PROG} check {numbers(exercise)})")
    return report.passed


def _short(exercise: Exercise) -> str:
    """``01.1`` for lesson 01's exercise 1, ``capstone.1`` for challenge 1."""
    if exercise.is_package:
        return f"{exercise.lesson}.{exercise.number}"
    return f"{int(exercise.lesson[1:3]):02d}.{exercise.number}"


def _check(args: argparse.Namespace) -> int:
    progress = load_progress()
    if args.all:
        if args.lesson is not None:
            raise UsageError("check --all checks every lesson: give no lesson with it")
        results = [_summary(exercise, progress) for exercise in all_exercises()]
        progress.save()
        print(f"{sum(results)} of {len(results)} exercises done; progress rebuilt.")
        return 0 if all(results) else FAILED
    if args.lesson == CAPSTONE and args.exercise is None:
        print("Capstone challenges")
        results = [_summary(challenge, progress) for challenge in manifest.challenges()]
        progress.save()
        return 0 if all(results) else FAILED
    if args.lesson is not None and args.exercise is None:
        lesson = cli.lesson(args.lesson)
        if not lesson.exercises():
            raise UsageError(f"lesson {lesson.number:02d} has no exercises yet ({PROG} list)")
        print(f"Lesson {lesson.number:02d} · {lesson.title}")
        results = [_summary(exercise, progress) for exercise in lesson.exercises()]
        progress.save()
        return 0 if all(results) else FAILED
    if args.lesson is not None:
        exercise = _chosen(args)
    else:
        current = progress.current_exercise()
        if current is None:
            print(f"Every exercise is done. `{PROG} check --all` checks them all again.")
            return 0
        exercise = current
    # The exercise checked is the one being worked on: `watch` and `next` start from it.
    progress.current = key(exercise)
    return 0 if check_one(exercise, progress) else FAILED


# --- watch ----------------------------------------------------------------------------------


def _watch(args: argparse.Namespace, stop: threading.Event | None = None) -> int:
    progress = load_progress()
    if args.lesson is not None:
        if args.exercise is None:
            raise UsageError("watch takes a lesson and an exercise, or neither")
        exercise = _chosen(args)
    else:
        current = progress.current_exercise()
        if current is None:
            raise UsageError("every exercise is done: there is nothing to watch")
        exercise = current
    progress.current = key(exercise)
    check_one(exercise, progress)
    print(f"\nWatching {shown(exercise.working)}: save it to check again (Ctrl+C stops).")

    def again() -> None:
        print()
        check_one(exercise, Progress.load())
        print(f"\nWatching {shown(exercise.working)} (Ctrl+C stops).", flush=True)

    try:
        watching.watch_file(exercise.working, again, poll=args.poll, stop=stop)
    except KeyboardInterrupt:
        print("\nStopped watching.")
    return 0


# --- hint, solution, reset, next --------------------------------------------------------------

# [text](../lessons/02-routing.md#anchor): a link relative to the lesson page, in a hint file.
LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\)")


def terminal_links(text: str) -> str:
    """Markdown links as a terminal shows them: the text, then where the page is."""

    def replace(match: re.Match[str]) -> str:
        target = match["target"]
        if "://" not in target:
            # Hints are included into docs/lessons/NN-slug.md, so links start from there.
            target = posixpath.normpath(posixpath.join("docs/lessons", target))
        return f"{match['text']} ({target})"

    return LINK.sub(replace, text)


def _hint(args: argparse.Namespace) -> int:
    exercise = _chosen(args)
    hints = exercise.hints
    if not hints:
        raise UsageError(f"exercise {numbers(exercise)} has no hints")
    progress = load_progress()
    level = min(progress.hints.get(key(exercise), 0) + 1, len(hints))
    progress.hints[key(exercise)] = level
    progress.save()
    print(f"{name(exercise)} · hint {level} of {len(hints)}\n")
    print(terminal_links(hints[level - 1].read_text(encoding="utf-8")).rstrip())
    print()
    if level < len(hints):
        print(f"Still stuck? `{PROG} hint {numbers(exercise)}` again shows hint {level + 1}.")
    else:
        print(f"That was the last hint. The reference: {PROG} solution {numbers(exercise)}")
    return 0


def _solution(args: argparse.Namespace) -> int:
    exercise = _chosen(args)
    yours = exercise.working if exercise.working.exists() else exercise.start
    if exercise.working.exists() and run_exercise(exercise).passed:
        print(
            f"{name(exercise)}: your {'copy' if exercise.is_package else 'file'} passes."
            " The reference solution, compared with it:"
        )
    else:
        question = f"{name(exercise)} does not pass yet. Show the solution anyway?"
        if not confirm(question, yes=args.yes):
            print(f"Not shown. The next hint may be enough: {PROG} hint {numbers(exercise)}")
            return FAILED
    if isinstance(exercise, Challenge):
        return _package_solution(exercise)
    before = yours.read_text(encoding="utf-8").splitlines(keepends=True)
    after = exercise.solution.read_text(encoding="utf-8").splitlines(keepends=True)
    if before == after:
        print("Your file is the reference solution, line for line.")
        return 0
    sys.stdout.writelines(
        difflib.unified_diff(
            before, after, fromfile=f"{shown(yours)} (yours)", tofile=shown(exercise.solution)
        )
    )
    return 0


def _package_solution(challenge: Challenge) -> int:
    """The reference solution as a diff of each file it adds or changes, from your copy."""
    with tempfile.TemporaryDirectory() as scratch:
        reference, shipped = Path(scratch) / "reference", Path(scratch) / "shipped"
        make_copy(reference, challenge.sources, challenge.source_root)
        apply_solution(challenge.solution, reference)
        yours = challenge.working
        if not yours.exists():
            make_copy(shipped, challenge.sources, challenge.source_root)
            yours = shipped
        changed = False
        for relative in touched(challenge.solution):
            mine, theirs = yours / relative, reference / relative
            before = mine.read_text(encoding="utf-8").splitlines(True) if mine.is_file() else []
            after = theirs.read_text(encoding="utf-8").splitlines(keepends=True)
            origin = f"{shown(challenge.working)}/{relative}" if mine.is_file() else "/dev/null"
            lines = list(
                difflib.unified_diff(before, after, fromfile=f"{origin} (yours)", tofile=relative)
            )
            changed = changed or bool(lines)
            sys.stdout.writelines(lines)
    if not changed:
        print("Your copy has the reference solution's files, line for line.")
    return 0


def backup_path(working: Path) -> Path:
    """``e01_goodbye.py.bak``, or ``.bak2``, ``.bak3``, …: never overwrite an older backup.

    A challenge's folder is kept the same way: ``c01_labels.bak``.
    """
    candidate = working.with_name(working.name + ".bak")
    count = 1
    while candidate.exists():
        count += 1
        candidate = working.with_name(f"{working.name}.bak{count}")
    return candidate


def _reset(args: argparse.Namespace) -> int:
    exercise = _chosen(args)
    print(name(exercise))
    if ensure_working_copy(exercise):
        return 0
    if not exercise.is_package and exercise.working.read_bytes() == exercise.start.read_bytes():
        print(f"  {shown(exercise.working)} is the starting file already.")
        return 0
    backup = backup_path(exercise.working)
    question = (
        f"  Replace {shown(exercise.working)} with the start? Yours is kept as {backup.name}."
    )
    if not confirm(question, yes=args.yes):
        print("  Nothing changed.")
        return FAILED
    if exercise.is_package:
        exercise.working.rename(backup)
        ensure_working_copy(exercise)
    else:
        shutil.copyfile(exercise.working, backup)
        shutil.copyfile(exercise.start, exercise.working)
    progress = load_progress()
    progress.record(exercise, passed=False)
    progress.save()
    print(f"  Back to the start. Your version: {shown(backup)}")
    return 0


def _next(_: argparse.Namespace) -> int:
    progress = load_progress()
    current = progress.current_exercise()
    target = progress.following(current)
    if target is None:
        print(f"Every exercise is done. `{PROG} check --all` checks them all again.")
        return 0
    if current is not None and progress.state(current) != "done":
        print(f"({name(current)} is not done yet; `{PROG} check {numbers(current)}` goes back.)")
    progress.current = key(target)
    progress.save()
    print(f"Now: {name(target)}")
    ensure_working_copy(target)
    if isinstance(target, Challenge):
        print(f"  Task:      {shown(target.task)} (or {target.page})")
    else:
        lesson = next(lesson for lesson in LESSONS if lesson.package == target.lesson)
        print(f"  Task:      {shown(target.task)} (or docs/{lesson.page.as_posix()}#exercises)")
    print(f"  {_yours(target)} {shown(target.working)}")
    print(f"  Then:      {PROG} check   (or {PROG} watch)")
    return 0
