"""Lesson pages show every exercise in the shared shape; links into this repository resolve.

The shape (docs/contributing.md, "How to write an exercise"): under ``## Exercises``, each
exercise's task.md at the top level, its start.py in a Python block, each hint in a collapsed
``??? tip`` box and the solution in a collapsed ``??? success`` box, in that order.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lessons.copies import EDITS, new_files
from lessons.manifest import LESSONS, ROOT, Challenge, Exercise, Lesson, challenges
from tests.exercises import MIN_EXERCISES
from tests.project.docs_model import (
    DOCS,
    INCLUDE,
    PlacedInclude,
    fences,
    github_links,
    pages,
    placed_includes,
)

EXERCISES = [(lesson, exercise) for lesson in LESSONS for exercise in lesson.exercises()]
SECTION = "## Exercises\n"


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def shown_on_page(lesson: Lesson, exercise: Exercise) -> dict[str, PlacedInclude]:
    page = DOCS / lesson.page
    return {
        include.path: include
        for include in placed_includes(page)
        if include.path.startswith(rel(exercise.folder) + "/")
    }


def must_show(lesson: Lesson) -> bool:
    # A lesson whose exercises are being written (fewer than its own session demands) may lag
    # on its page; once the page has the section, or the lesson has its exercises, it may not.
    page = (DOCS / lesson.page).read_text(encoding="utf-8")
    return SECTION in page or len(lesson.exercises()) >= MIN_EXERCISES


@pytest.mark.parametrize(
    ("lesson", "exercise"), EXERCISES, ids=lambda item: getattr(item, "name", None)
)
def test_every_exercise_is_on_its_lesson_page_in_the_shared_shape(
    lesson: Lesson, exercise: Exercise
) -> None:
    if not must_show(lesson):
        pytest.skip(f"{lesson.page} has no Exercises section yet and fewer than two exercises")
    page = DOCS / lesson.page
    assert SECTION in page.read_text(encoding="utf-8"), f"docs/{lesson.page} needs {SECTION!r}"
    shown = shown_on_page(lesson, exercise)
    task, start, solution = (
        rel(path) for path in (exercise.task, exercise.start, exercise.solution)
    )
    hints = [rel(hint) for hint in exercise.hints]
    missing = [path for path in (task, start, *hints, solution) if path not in shown]
    assert missing == [], f"docs/{lesson.page} does not include {', '.join(missing)}"

    assert all(
        item.heading.startswith(f"Exercise {exercise.number} · ") for item in shown.values()
    ), f"the includes of {exercise.name} belong under '### Exercise {exercise.number} · …'"
    assert (shown[task].admonition, shown[task].fence) == (None, None), "the task is on show"
    assert shown[start].admonition is None
    assert (shown[start].fence or "").startswith("python"), "start.py goes in a Python block"
    copy = f"workspace/{exercise.lesson}/{exercise.name}.py"
    assert copy in (shown[start].fence or ""), f"the starting file's title names {copy}"
    for number, hint in enumerate(hints, start=1):
        assert shown[hint].admonition == ("???", "tip", f"Hint {number}"), (
            f'{hint} goes in a collapsed box: ??? tip "Hint {number}"'
        )
    marker, kind, title = shown[solution].admonition or ("", "", "")
    assert (marker, kind) == ("???", "success"), "the solution is collapsed: ??? success"
    assert "open after trying" in title
    assert (shown[solution].fence or "").startswith("python")
    order = [shown[path].line for path in (task, start, *hints, solution)]
    assert order == sorted(order), "task, start, hints in order, then the solution"


def test_the_shape_check_reads_nesting_like_the_site_build(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "## Exercises\n\n### Exercise 1 · Try\n\n"
        '--8<-- "a/task.md"\n\n'
        '```python title="Starting file"\n--8<-- "a/start.py"\n```\n\n'
        '??? tip "Hint 1"\n    --8<-- "a/hint1.md"\n\n'
        '--8<-- "a/outside.md"\n\n'
        '???+ success "Solution: open after trying"\n'
        '    ```python title="a/solution.py"\n    --8<-- "a/solution.py"\n    ```\n',
        encoding="utf-8",
    )

    placed = {include.path: include for include in placed_includes(page)}

    assert placed["a/task.md"].admonition is None
    assert placed["a/start.py"].fence == 'python title="Starting file"'
    assert placed["a/hint1.md"].admonition == ("???", "tip", "Hint 1")
    assert placed["a/outside.md"].admonition is None  # the box ended with the indentation
    assert placed["a/solution.py"].admonition == ("???+", "success", "Solution: open after trying")
    assert placed["a/solution.py"].fence == 'python title="a/solution.py"'
    assert {include.heading for include in placed.values()} == {"Exercise 1 · Try"}


CHALLENGES_PAGE = DOCS / "capstone" / "challenges.md"


@pytest.mark.parametrize("challenge", challenges(), ids=lambda challenge: challenge.name)
def test_every_capstone_challenge_is_on_its_page_in_the_shared_shape(challenge: Challenge) -> None:
    shown = {
        include.path: include
        for include in placed_includes(CHALLENGES_PAGE)
        if include.path.startswith(rel(challenge.folder) + "/")
    }
    task = rel(challenge.task)
    hints = [rel(hint) for hint in challenge.hints]
    solution = [
        f"{rel(challenge.solution)}/{name}" for name in (*new_files(challenge.solution), EDITS)
    ]
    missing = [path for path in (task, *hints, *solution) if path not in shown]
    assert missing == [], f"docs/capstone/challenges.md does not include {', '.join(missing)}"

    assert all(
        item.heading.startswith(f"Challenge {challenge.number} · ") for item in shown.values()
    ), f"the includes of {challenge.name} belong under '## Challenge {challenge.number} · …'"
    assert (shown[task].admonition, shown[task].fence) == (None, None), "the task is on show"
    for number, hint in enumerate(hints, start=1):
        assert shown[hint].admonition == ("???", "tip", f"Hint {number}")
    for path in solution:
        marker, kind, title = shown[path].admonition or ("", "", "")
        assert (marker, kind) == ("???", "success"), f"{path} is in the collapsed solution"
        assert "open after trying" in title
        assert (shown[path].fence or "").startswith(("python", "toml", "text"))
    order = [shown[path].line for path in (task, *hints, *solution)]
    assert order == sorted(order), "task, hints in order, then the solution"


# ---- links into this repository -------------------------------------------------------------

LINKED_FROM = [
    ROOT / "README.md",
    ROOT / "pyproject.toml",
    *pages(),
    *sorted((ROOT / "lessons").rglob("*.md")),
]


def test_every_github_link_into_this_repository_names_a_file_that_exists() -> None:
    problems = []
    for source in LINKED_FROM:
        for kind, path in github_links(source.read_text(encoding="utf-8")):
            target = ROOT / path.rstrip("/")
            exists = target.is_file() if kind == "blob" else target.is_dir()
            if not exists:
                problems.append(f"{rel(source)}: {kind}/main/{path}")
    assert problems == [], "links to files that do not exist: " + ", ".join(problems)


def test_github_links_are_read_up_to_their_anchor() -> None:
    text = (
        "[a](https://github.com/litestar-lessons/litestar-lessons/blob/main/tests/x.py#L3) "
        "<https://github.com/litestar-lessons/litestar-lessons/tree/main/docs> "
        "https://github.com/litestar-lessons/litestar-lessons/blob/main/README.md?plain=1 "
        "https://github.com/someone-else/litestar-lessons/blob/main/nope.py"
    )

    assert github_links(text) == [("blob", "tests/x.py"), ("tree", "docs"), ("blob", "README.md")]
    assert re.search("pyproject", " ".join(map(str, LINKED_FROM)))


def test_includes_shown_as_examples_are_escaped() -> None:
    # The snippets extension expands `--8<--` lines even inside a fenced example, so a page
    # that shows the include syntax must write `;--8<--` (shown as `--8<--`).
    problems = [
        f"{rel(fence.page)}:{fence.line}"
        for page in pages()
        for fence in fences(page)
        if fence.language == "markdown" and any(INCLUDE.match(line) for line in fence.body)
    ]
    assert problems == [], "write ;--8<-- in these examples: " + ", ".join(problems)
