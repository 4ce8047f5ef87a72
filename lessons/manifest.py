"""The ordered list of lessons: the one place their numbers, titles and needs are written.

The runner, the nox sessions and the docs-integrity tests all read this file, and a test
checks that it agrees with the folders under ``lessons/`` and the nav in ``mkdocs.yml``.
It imports only the standard library, so nox can read it before anything is installed.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

LESSONS_DIR = Path(__file__).resolve().parent
ROOT = LESSONS_DIR.parent


@dataclass(frozen=True)
class Step:
    """One runnable step of a lesson: a module ``stepNN_name.py`` with a module-level ``app``."""

    number: int
    module: str
    title: str


@dataclass(frozen=True)
class Lesson:
    package: str  # lNN_slug: the folder under lessons/ and under tests/lessons/
    title: str
    # Optional dependency groups of pyproject.toml ([project.optional-dependencies]) this
    # lesson needs on top of the core ones. Its nox session installs exactly these.
    extras: tuple[str, ...] = ()
    # PEP 735 dependency groups its tests need besides "test" (tools, never the lesson).
    groups: tuple[str, ...] = ()

    @property
    def number(self) -> int:
        return int(self.package[1:3])

    @property
    def slug(self) -> str:
        return self.package[4:]

    @property
    def session(self) -> str:
        return f"lesson-{self.number:02d}"

    @property
    def code_dir(self) -> Path:
        return LESSONS_DIR / self.package

    @property
    def tests_dir(self) -> Path:
        return ROOT / "tests" / "lessons" / self.package

    @property
    def page(self) -> Path:
        """The lesson's page, relative to ``docs/``."""
        return Path("lessons") / f"{self.number:02d}-{self.slug.replace('_', '-')}.md"

    def steps(self) -> tuple[Step, ...]:
        """The lesson's steps in order, titled by the first line of each module's docstring."""
        return tuple(
            Step(number=int(path.stem[4:6]), module=path.stem, title=_docstring_title(path))
            for path in sorted(self.code_dir.glob("step[0-9][0-9]_*.py"))
        )


def _docstring_title(path: Path) -> str:
    # Read the docstring without importing: listing lessons must work before the
    # lesson's dependencies are installed.
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or path.stem
    return docstring.splitlines()[0].rstrip(".")


LESSONS: tuple[Lesson, ...] = (
    Lesson("l01_first_app", "Your first app"),
    Lesson("l02_routing", "Routing"),
    Lesson("l03_parameters", "Query, header and cookie parameters"),
    Lesson("l04_request_bodies", "Request bodies and models", extras=("pydantic", "attrs")),
    Lesson("l05_dependency_injection", "Dependency injection"),
    Lesson("l06_middleware", "Middleware and the request lifecycle"),
    Lesson("l07_dtos", "Data transfer objects (DTOs)", extras=("pydantic",)),
    Lesson("l08_websockets", "WebSockets"),
    Lesson("l09_server_sent_events", "Server-sent events"),
    Lesson("l10_openapi", "OpenAPI documentation"),
    Lesson("l11_task_api", "The task API, done right"),
    Lesson("l12_databases", "Databases with SQLAlchemy", extras=("db",)),
    Lesson("l13_auth", "Authentication and authorization", extras=("auth",)),
    Lesson("l14_testing", "Testing Litestar apps", extras=("db",)),
    Lesson(
        "l15_performance",
        "Performance: measure, don't guess",
        extras=("pydantic", "attrs"),
        groups=("bench",),  # the benchmark's plot is drawn with matplotlib, and tested
    ),
)


def find(number: int) -> Lesson | None:
    return next((lesson for lesson in LESSONS if lesson.number == number), None)
