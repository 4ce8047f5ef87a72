"""Run an exercise's checks against one app file: the learner's, the start or the solution.

Each check gets the module freshly imported and its own ``TestClient`` (start-up and
shutdown hooks included), so state one check leaves behind never decides another.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import sys
import traceback
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Literal

from litestar import Litestar
from litestar.testing import TestClient

from lessons.kit.checks import Check, CheckFailed, Checks, Client, NotDone
from lessons.manifest import Exercise

Status = Literal["passed", "failed", "skipped", "error"]


class LoadError(Exception):
    """The app file could not be imported, or has no app: one line says why."""


@dataclass(frozen=True)
class Outcome:
    check: Check
    status: Status
    message: str = ""


@dataclass(frozen=True)
class Report:
    path: Path
    outcomes: tuple[Outcome, ...]
    load_error: str = ""

    @property
    def passed(self) -> bool:
        return not self.load_error and all(outcome.status == "passed" for outcome in self.outcomes)

    @property
    def counts(self) -> tuple[int, int]:
        """(checks passed, checks in all)."""
        passed = sum(outcome.status == "passed" for outcome in self.outcomes)
        return passed, len(self.outcomes)

    @property
    def first_problem(self) -> Outcome | None:
        return next((o for o in self.outcomes if o.status in {"failed", "error"}), None)


def load_checks(exercise: Exercise) -> Checks:
    checks = importlib.import_module(exercise.checks_module).checks
    if not isinstance(checks, Checks):
        message = f"{exercise.checks_module}.checks is not a Checks"
        raise TypeError(message)
    return checks


def run_checks(exercise: Exercise, path: Path, only: Collection[str] = ()) -> Report:
    """Run every check of ``exercise`` (or ``only`` these and what they need) against ``path``.

    A capstone challenge's ``path`` is the learner's folder: its checks run in a fresh
    interpreter whose imports start there (lessons/kit/packages.py).
    """
    if exercise.is_package:
        from lessons.kit.packages import run_package_checks  # noqa: PLC0415 - a cycle

        return run_package_checks(exercise, path, only)
    checks = load_checks(exercise)
    try:
        with _loaded(exercise, path):
            pass  # import once up front: a file that does not import fails every check alike
    except LoadError as error:
        return Report(path=path, outcomes=(), load_error=str(error))
    outcomes = run_in_order(checks, lambda check: _run_one(exercise, path, check), only)
    return Report(path=path, outcomes=outcomes)


def run_in_order(
    checks: Checks, run_one: Callable[[Check], Outcome], only: Collection[str] = ()
) -> tuple[Outcome, ...]:
    """Each check in order; one whose ``needs`` did not pass (or not in ``only``) is skipped."""
    wanted = _with_needs(checks, only) if only else {check.name for check in checks}
    outcomes: dict[str, Outcome] = {}
    for check in checks:
        if check.name not in wanted:
            outcomes[check.name] = Outcome(check, "skipped", "not run this time")
            continue
        failed_needs = [need for need in check.needs if outcomes[need].status != "passed"]
        if failed_needs:
            names = ", ".join(repr(checks_description(checks, need)) for need in failed_needs)
            outcomes[check.name] = Outcome(check, "skipped", f"needs {names} to pass first")
            continue
        outcomes[check.name] = run_one(check)
    return tuple(outcomes.values())


def _with_needs(checks: Checks, only: Collection[str]) -> set[str]:
    by_name = {check.name: check for check in checks}
    wanted: set[str] = set()
    todo = list(only)
    while todo:
        name = todo.pop()
        if name not in wanted:
            wanted.add(name)
            todo += by_name[name].needs
    return wanted


def checks_description(checks: Checks, name: str) -> str:
    return next(check.description for check in checks if check.name == name)


def _run_one(exercise: Exercise, path: Path, check: Check) -> Outcome:
    def run() -> None:
        with _loaded(exercise, path) as (module, app):
            run_against(app, check, module=module)

    return outcome_of(check, run, path)


def outcome_of(check: Check, run: Callable[[], None], path: Path | None = None) -> Outcome:
    """Call ``run`` (which runs ``check``) and say how it went, never with a traceback."""
    try:
        run()
    except CheckFailed as failure:
        return Outcome(check, "failed", str(failure))
    except NotDone as not_done:
        return Outcome(check, "failed", f"not done yet: {not_done}")
    except LoadError as error:  # pragma: no cover - the file imported a moment ago
        return Outcome(check, "error", str(error))
    # Any other error is shown, never a traceback; SystemExit too (`exit()` in a hook).
    except (Exception, SystemExit) as error:  # noqa: BLE001
        return Outcome(check, "error", _where(error, path))
    return Outcome(check, "passed")


def run_against(
    app: Litestar, check: Check, *, module: ModuleType | None = None, folder: Path | None = None
) -> None:
    """Run one check with a fresh ``TestClient`` around ``app``, start-up hooks included."""
    with _quiet_http_log():
        raised: list[BaseException] = []

        async def remember(exception: Exception, _scope: object) -> None:
            raised.append(exception)

        app.after_exception.append(remember)
        with TestClient(app) as test_client:
            check.function(Client(app, test_client, raised, module=module, folder=folder))


@contextmanager
def _loaded(exercise: Exercise, path: Path) -> Iterator[tuple[ModuleType, Litestar]]:
    """Import ``path`` as a fresh module and yield it and its app; forget it afterwards."""
    name = f"exercise_{exercise.lesson}_{exercise.name}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:  # pragma: no cover - only for non-.py paths
        message = f"{path} is not a Python file"
        raise LoadError(message)
    module = importlib.util.module_from_spec(spec)
    # Registered while it runs: pydantic, msgspec and Litestar resolve annotations through
    # sys.modules[cls.__module__].
    sys.modules[name] = module
    try:
        try:
            spec.loader.exec_module(module)
        except NotDone as not_done:
            message = f"not done yet: {not_done}"
            raise LoadError(message) from None
        # A learner's file may raise anything, even SystemExit (an `exit()` left in it).
        except (Exception, SystemExit) as error:  # noqa: BLE001
            message = f"{path.name} does not import: {_where(error, path)}"
            raise LoadError(message) from None
        yield module, _app_of(module, path)
    finally:
        sys.modules.pop(name, None)


@contextmanager
def loaded_app(exercise: Exercise, path: Path) -> Iterator[Litestar]:
    """The app of ``path``, for the runner's `run N --exercise E` (it lists the routes)."""
    with _loaded(exercise, path) as (_, app):
        yield app


def _app_of(module: ModuleType, path: Path) -> Litestar:
    app = getattr(module, "app", None)
    if app is None and callable(getattr(module, "create_app", None)):
        app = module.create_app()
    if not isinstance(app, Litestar):
        message = f"{path.name} has no Litestar app called `app`"
        raise LoadError(message)
    return app


def _where(error: BaseException, path: Path | None = None) -> str:
    """``NameError: name 'x' is not defined (line 12 of app.py)``: the error, and where.

    An error raised in a start-up hook reaches us wrapped in anyio's ExceptionGroup: the
    learner wants the error inside it. The line shown is the last one in their own file
    (``path``) when the traceback passes through it, else the last line that ran.
    """
    while isinstance(error, BaseExceptionGroup) and error.exceptions:
        error = error.exceptions[0]
    if isinstance(error, SyntaxError):
        return f"SyntaxError: {error.msg} (line {error.lineno})"
    frames = traceback.extract_tb(error.__traceback__)
    own = [frame for frame in frames if path is not None and _inside(Path(frame.filename), path)]
    shown = own or frames
    line = f" (line {shown[-1].lineno} of {Path(shown[-1].filename).name})" if shown else ""
    return f"{type(error).__name__}: {error}{line}"


def _inside(filename: Path, path: Path) -> bool:
    """The learner's own file, or (a challenge's copy) a file in their folder."""
    return filename == path or path in filename.parents


@contextmanager
def _quiet_http_log() -> Iterator[None]:
    # httpx logs every request at INFO; a learner wants the check's result, not that.
    logger = logging.getLogger("httpx")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)
