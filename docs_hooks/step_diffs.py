"""Under each lesson step's code, a collapsed view of what it changed since the step before.

The hook finds the first include of ``lessons/lNN_slug/stepMM_name.py`` on a page (step 2 or
later), and after the code block that holds it inserts a collapsed ``diff`` block with what
``python -m lessons diff N MM`` prints (``lessons.runner.step_diff``): generated from the
files on every build, never typed, and with no change to the pages themselves.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the docs session installs the docs tools, not the project
    sys.path.insert(0, str(ROOT))

from lessons.manifest import LESSONS, Lesson, Step  # noqa: E402 - stdlib only
from lessons.runner import step_diff  # noqa: E402

STEP_INCLUDE = re.compile(
    r'^[ \t]*-+8<-+[ \t]+"lessons/(?P<package>l\d\d_\w+)/(?P<module>step\d\d_\w+)\.py(?::[^"]*)?"'
)
FENCE_CLOSE = re.compile(r"^(?P<indent>[ \t]*)`{3,}[ \t]*$")


def on_page_markdown(markdown: str, **_: Any) -> str:
    lines = markdown.split("\n")
    shown: set[tuple[str, str]] = set()
    insertions: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        match = STEP_INCLUDE.match(line)
        if not match or (match["package"], match["module"]) in shown:
            continue
        shown.add((match["package"], match["module"]))
        found = _step(match["package"], match["module"])
        if found is None or found[1] == found[0].steps()[0]:
            continue
        close = next((n for n in range(index + 1, len(lines)) if FENCE_CLOSE.match(lines[n])), None)
        if close is None:
            continue
        indent = FENCE_CLOSE.match(lines[close])["indent"]  # type: ignore[index]
        insertions.append((close + 1, changes_block(*found, indent=indent)))
    for position, block in reversed(insertions):
        lines[position:position] = ["", block]
    return "\n".join(lines)


def _step(package: str, module: str) -> tuple[Lesson, Step] | None:
    lesson = next((lesson for lesson in LESSONS if lesson.package == package), None)
    steps = lesson.steps() if lesson else ()
    step = next((step for step in steps if step.module == module), None)
    return (lesson, step) if lesson and step else None


def changes_block(lesson: Lesson, step: Step, *, indent: str = "") -> str:
    """A collapsed admonition holding the step's diff against the step before it."""
    diff = step_diff(lesson, step)
    lines = diff.splitlines()
    added = sum(1 for line in lines if line.startswith("+") and not line.startswith("+++"))
    removed = sum(1 for line in lines if line.startswith("-") and not line.startswith("---"))
    previous = lesson.steps()[lesson.steps().index(step) - 1]
    ticks = "`" * max([3, *(len(run) + 1 for run in re.findall(r"`{3,}", diff))])
    title = (
        f"What step {step.number} changed since step {previous.number}: "
        f"{added} lines added, {removed} removed "
        f"(`python -m lessons diff {lesson.number} {step.number}`)"
    )
    body = [f"{ticks}diff", *lines, ticks]
    block = [f'??? abstract "{title}"', *(f"    {line}" if line else "" for line in body)]
    return "\n".join(f"{indent}{line}" if line else "" for line in block)
