"""Pages show only tested code, every include resolves, every lesson file is shown and tested."""

import re
import tomllib

import pytest

from lessons.manifest import LESSONS, LESSONS_DIR, ROOT
from tests.project.docs_model import DOCS, Include, fences, includes, pages, section_markers
from tests.transcripts import TRANSCRIPTS_DIR

ALL_INCLUDES = [include for page in pages() for include in includes(page)]
LESSON_FILES = sorted(
    path
    for lesson in LESSONS
    for path in lesson.code_dir.glob("*.py")
    if path.name != "__init__.py"
)
TEST_SOURCES = "\n".join(
    path.read_text(encoding="utf-8") for path in (ROOT / "tests").rglob("*.py")
)


def rel(path: object) -> str:
    return str(path).removeprefix(str(ROOT) + "/")


def test_there_is_something_to_check() -> None:
    assert len(pages()) >= len(LESSONS) + 1
    assert len(ALL_INCLUDES) > 20
    assert LESSON_FILES


@pytest.mark.parametrize(
    "include", ALL_INCLUDES, ids=lambda i: f"{rel(i.page)}->{i.path}:{i.section}"
)
def test_every_include_resolves(include: Include) -> None:
    assert include.file.is_file(), (
        f"{rel(include.page)} includes {include.path}, which does not exist"
    )
    assert not re.fullmatch(r"[-\d:,]+", include.section or "x"), "include by section, not lines"
    if include.section:
        text = include.file.read_text(encoding="utf-8")
        name = include.section
        assert section_markers(text, name) == (1, 1), (
            f"{include.path} needs exactly one [start:{name}] and one [end:{name}]"
        )


def test_every_python_block_is_an_include_or_marked_illustrative() -> None:
    problems = []
    for page in pages():
        for fence in fences(page):
            if fence.language not in {"python", "py"}:
                continue
            lines = [line for line in fence.body if line.strip()]
            only_includes = bool(lines) and all(re.match(r"^\s*-+8<-+\s", line) for line in lines)
            if not only_includes and fence.illustrative_reason is None:
                problems.append(f"{rel(page)}:{fence.line}")
    assert problems == [], (
        'Python blocks must include tested files (--8<-- "path:section"), or be preceded by '
        "<!-- illustrative: why it is not run --> : " + ", ".join(problems)
    )


@pytest.mark.parametrize("path", LESSON_FILES, ids=rel)
def test_every_lesson_file_is_shown_on_a_page(path: object) -> None:
    shown = {include.path for include in ALL_INCLUDES}

    assert rel(path) in shown, f"no page includes {rel(path)}"


STEP_FILES = [path for path in LESSON_FILES if path.name.startswith("step")]


@pytest.mark.parametrize("path", STEP_FILES, ids=rel)
def test_every_step_is_imported_by_a_test(path: object) -> None:
    # Shared modules (not steps) must be imported by a step: see test_manifest.py.
    module = rel(path).removesuffix(".py").replace("/", ".")

    assert module in TEST_SOURCES, f"no test imports {module}"


def test_every_transcript_is_shown_and_written_by_a_test() -> None:
    shown = {include.path for include in ALL_INCLUDES}
    for path in sorted(TRANSCRIPTS_DIR.rglob("*.txt")):
        name = rel(path).removeprefix("docs/transcripts/").removesuffix(".txt")
        assert rel(path) in shown, f"no page includes {rel(path)}"
        assert f'transcript("{name}")' in TEST_SOURCES, f"no test writes {rel(path)}"


def test_the_home_page_states_the_versions_pyproject_requires() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    litestar = next(dep for dep in project["dependencies"] if dep.startswith("litestar"))
    lowest_litestar = re.search(r">=([\d.]+)", litestar)
    lowest_python = re.search(r">=([\d.]+)", project["requires-python"])
    assert lowest_litestar
    assert lowest_python
    home = (DOCS / "index.md").read_text(encoding="utf-8")

    assert f"| Litestar | {lowest_litestar[1]} and later 2.x releases (not 3.x) |" in home
    assert f"| Python | {lowest_python[1]} and later |" in home
    assert "<3" in litestar


def test_lesson_code_does_not_use_deprecated_import_paths() -> None:
    for path in LESSONS_DIR.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "litestar.contrib" not in text, (
            f"{rel(path)} imports the deprecated litestar.contrib"
        )
        assert "litestar.plugins.sqlalchemy" not in text, f"{rel(path)}: use advanced_alchemy"


def test_every_transcript_is_in_a_console_block_of_transcripts_only() -> None:
    # docs_hooks/console.py splits exactly these blocks into one block per command and one
    # per response, so that each copy button copies one command.
    problems = []
    for page in pages():
        for fence in fences(page):
            shown = [line for line in fence.body if "docs/transcripts/" in line]
            others = [line for line in fence.body if line.strip() and line not in shown]
            if shown and (fence.language != "console" or others):
                problems.append(f"{rel(page)}:{fence.line}")
    assert problems == []
