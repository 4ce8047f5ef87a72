"""A capstone challenge's copy, and its reference solution applied to one (standard library only).

The copy is a folder (``workspace/capstone/cNN_name/``) holding the capstone and its tests as
they were when it was made, and a ``pytest.ini`` so that ``python -m pytest`` run there tests
the copy, not the clone.

The reference solution is not a copy of the capstone: it is the files the feature adds, plus
small edits anchored on a piece of text each (``solution/edits.toml``). An anchor that is gone
or found twice, or a new file that the capstone now has, is a :class:`SolutionError` that
names it: the capstone changed under the solution, and the solution must follow.
"""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Sequence
from pathlib import Path

EDITS = "edits.toml"
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache")


class SolutionError(Exception):
    """The reference solution no longer applies to the capstone: it says where."""


# --- the copy ------------------------------------------------------------------------------


def make_copy(target: Path, sources: Sequence[str], root: Path) -> None:
    """Copy ``sources`` (files and folders, relative to ``root``) into a new folder ``target``."""
    target.mkdir(parents=True)
    for source in sources:
        origin, copy = root / source, target / source
        if origin.is_dir():
            shutil.copytree(origin, copy, ignore=IGNORED)
        else:
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(origin, copy)
    (target / "pytest.ini").write_text(pytest_ini(root), encoding="utf-8")


def pytest_ini(root: Path) -> str:
    """The clone's pytest settings, for the copy: without it, pytest run in the copy would find
    the clone's pyproject.toml above it, and put the clone's capstone first on the path."""
    options = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "pytest"
    ]["ini_options"]
    warnings = "".join(f"\n    {line}" for line in options["filterwarnings"])
    return (
        "# Made by `python -m lessons`: pytest run here tests this copy (imports start here).\n"
        "[pytest]\npythonpath = .\n"
        f"addopts = {' '.join(options['addopts'])} -p no:cacheprovider\n"
        f"filterwarnings ={warnings}\n"
    )


# --- the reference solution ------------------------------------------------------------------


def new_files(solution: Path) -> list[str]:
    """The files the solution adds, relative to the copy."""
    return sorted(
        path.relative_to(solution).as_posix()
        for path in solution.rglob("*")
        if path.is_file() and path.name != EDITS and "__pycache__" not in path.parts
    )


def edits(solution: Path) -> list[dict[str, str]]:
    """The anchored edits: each names a ``file``, an ``anchor`` and ``before`` or ``after``."""
    path = solution / EDITS
    if not path.is_file():
        return []
    found: list[dict[str, str]] = tomllib.loads(path.read_text(encoding="utf-8"))["edit"]
    return found


def touched(solution: Path) -> list[str]:
    """Every file the solution adds or changes, relative to the copy."""
    return sorted({*new_files(solution), *(edit["file"] for edit in edits(solution))})


def apply_solution(solution: Path, target: Path) -> None:
    """Add the solution's files to the copy in ``target`` and make its edits there."""
    for name in new_files(solution):
        if (target / name).exists():
            message = f"the solution adds {name}, but the capstone has one now: merge them"
            raise SolutionError(message)
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(solution / name, target / name)
    for edit in edits(solution):
        path = target / edit["file"]
        text = path.read_text(encoding="utf-8")
        anchor = edit["anchor"]
        count = text.count(anchor)
        if count != 1:
            message = (
                f"{edit['file']}: the solution's anchor {anchor!r} is there {count} times,"
                " not once: the capstone changed; update solution/edits.toml"
            )
            raise SolutionError(message)
        if "before" in edit:
            text = text.replace(anchor, edit["before"] + anchor)
        else:
            text = text.replace(anchor, anchor + edit["after"])
        path.write_text(text, encoding="utf-8")
