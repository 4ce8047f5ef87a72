"""The manifest, the lesson folders, the tests folders, the nav and the nox sessions agree."""

import ast
import re
from pathlib import Path

import nox.registry
import pytest

from lessons.manifest import LESSONS, LESSONS_DIR, ROOT, Lesson
from tests.project.docs_model import DOCS, mkdocs_config

LESSON_FOLDER = re.compile(r"^l\d{2}_[a-z0-9_]+$")


def test_lessons_are_numbered_from_1_without_gaps() -> None:
    assert [lesson.number for lesson in LESSONS] == list(range(1, len(LESSONS) + 1))


def test_every_lesson_folder_is_in_the_manifest_and_the_other_way_round() -> None:
    folders = sorted(path.name for path in LESSONS_DIR.iterdir() if LESSON_FOLDER.match(path.name))

    assert folders == [lesson.package for lesson in LESSONS]


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.package)
def test_steps_are_numbered_from_1_and_each_defines_app(lesson: Lesson) -> None:
    steps = lesson.steps()

    assert [step.number for step in steps] == list(range(1, len(steps) + 1))
    for step in steps:
        tree = ast.parse((lesson.code_dir / f"{step.module}.py").read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{step.module} needs a docstring: it is the step's title"
        assigned = {
            target.id
            for node in tree.body
            if isinstance(node, ast.Assign)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        assert "app" in assigned, f"{step.module} must define a module-level `app`"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.package)
def test_tests_mirror_the_steps(lesson: Lesson) -> None:
    tests = {path.name for path in lesson.tests_dir.glob("test_*.py")}

    for step in lesson.steps():
        assert f"test_{step.module}.py" in tests, (
            f"no tests/lessons/{lesson.package}/test_{step.module}.py"
        )


def test_the_nav_lists_the_lessons_in_order_with_their_titles() -> None:
    nav = mkdocs_config()["nav"]
    lessons_nav = next(entry["Lessons"] for entry in nav if "Lessons" in entry)

    expected = [
        {f"{lesson.number:02d} {lesson.title}": lesson.page.as_posix()} for lesson in LESSONS
    ]
    assert lessons_nav == expected


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.package)
def test_each_lesson_page_exists_and_says_how_to_run_it(lesson: Lesson) -> None:
    page = (DOCS / lesson.page).read_text(encoding="utf-8")
    first = lesson.steps()[0].module

    assert page.startswith(f"# {lesson.number:02d} · {lesson.title}\n")
    assert f"python -m lessons run {lesson.number}" in page
    assert f"litestar --app lessons.{lesson.package}.{first}:app run --reload" in page
    assert f"nox -s {lesson.session}" in page


def test_nox_has_a_session_per_lesson() -> None:
    source = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    namespace: dict[str, object] = {"__file__": str(ROOT / "noxfile.py"), "__name__": "noxfile"}
    exec(compile(source, "noxfile.py", "exec"), namespace)  # noqa: S102 - our own noxfile

    sessions = set(nox.registry.get())
    assert {lesson.session for lesson in LESSONS} <= sessions
    assert {"project", "lint", "typecheck", "docs", "transcripts"} <= sessions
    # docs/contributing.md: `nox` runs them two at a time, the longest queued first.
    assert (nox.options.parallel, nox.options.allow_parallel) == (2, True)
    assert list(nox.registry.get())[:3] == ["capstone", "capstone-servers", "fuzz"]


def test_the_readme_lists_every_lesson() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")

    for lesson in LESSONS:
        assert f"| {lesson.number:02d} | [{lesson.title}](docs/{lesson.page.as_posix()})" in readme


def test_lesson_packages_have_no_stray_modules() -> None:
    """Every module in a lesson is a step, the package docstring, or shared code a step imports."""
    for lesson in LESSONS:
        steps = {f"{step.module}.py" for step in lesson.steps()}
        sources = "".join(path.read_text(encoding="utf-8") for path in lesson.code_dir.glob("*.py"))
        for path in lesson.code_dir.glob("*.py"):
            if path.name in steps or path.name == "__init__.py":
                continue
            module = f"lessons.{lesson.package}.{Path(path).stem}"
            assert module in sources, f"{module} is imported by no step"
