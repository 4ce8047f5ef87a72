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
# Where a learner's working copies of the exercises live. Git ignores it, and so do the
# project's lint, type and coverage checks: half-done code is the learner's own.
WORKSPACE = ROOT / "workspace"


@dataclass(frozen=True)
class Step:
    """One runnable step of a lesson: a module ``stepNN_name.py`` with a module-level ``app``."""

    number: int
    module: str
    title: str


@dataclass(frozen=True)
class Exercise:
    """One exercise: a folder ``lessons/lNN_slug/exercises/eMM_name/`` (see contributing.md).

    ``start.py`` is the app as shipped, with the lesson's one new idea still missing;
    ``solution.py`` is the reference solution; ``checks.py`` holds the checks both are run
    against; ``task.md`` states the task as requests and responses; ``hint1.md``,
    ``hint2.md``, ... are the hints, the last one pointing at the page section that teaches it.
    """

    lesson: str  # the lesson's package, e.g. "l01_first_app"
    number: int
    name: str  # the folder, e.g. "e01_goodbye"
    title: str

    @property
    def folder(self) -> Path:
        return LESSONS_DIR / self.lesson / "exercises" / self.name

    @property
    def start(self) -> Path:
        return self.folder / "start.py"

    @property
    def solution(self) -> Path:
        return self.folder / "solution.py"

    @property
    def checks(self) -> Path:
        return self.folder / "checks.py"

    @property
    def task(self) -> Path:
        return self.folder / "task.md"

    @property
    def hints(self) -> tuple[Path, ...]:
        return tuple(sorted(self.folder.glob("hint[0-9].md")))

    @property
    def working(self) -> Path:
        """The learner's own copy, made from ``start.py`` on first use."""
        return WORKSPACE / self.lesson / f"{self.name}.py"

    @property
    def checks_module(self) -> str:
        return f"lessons.{self.lesson}.exercises.{self.name}.checks"

    @property
    def is_package(self) -> bool:
        """True for a capstone challenge, whose copy is a folder, not one file."""
        return False


# The capstone challenges: a feature through every layer of a copy of the whole capstone.
CHALLENGES_DIR = LESSONS_DIR / "challenges"
CAPSTONE = "capstone"  # how the challenges are named on the command line and in progress.json
# What a challenge's copy holds, relative to the clone: the capstone and what its tests import.
CAPSTONE_SOURCES = (
    "capstone",
    "tests/__init__.py",
    "tests/conftest.py",
    "tests/servers.py",
    "tests/services.py",
    "tests/tcp_proxy.py",
    "tests/transcripts.py",
    "tests/capstone",
)


@dataclass(frozen=True)
class Challenge(Exercise):
    """A capstone challenge: a folder ``lessons/challenges/cNN_name/`` (see contributing.md).

    The learner's copy is a folder, ``workspace/capstone/cNN_name/``, holding the capstone and
    its tests as they were when it was made. ``solution/`` holds the reference solution as new
    files plus anchored edits (``solution/edits.toml``), so it survives unrelated changes to the
    capstone; ``checks.py`` runs against the copy in a fresh interpreter.
    """

    # The test the learner writes, relative to the copy; it must pass there and fail on the
    # capstone as shipped.
    test_file: str = ""

    @property
    def folder(self) -> Path:
        return CHALLENGES_DIR / self.name

    @property
    def start(self) -> Path:
        """The capstone as shipped: what the copy is made from."""
        return ROOT / CAPSTONE

    @property
    def solution(self) -> Path:
        return self.folder / "solution"

    @property
    def working(self) -> Path:
        return WORKSPACE / CAPSTONE / self.name

    @property
    def checks_module(self) -> str:
        return f"lessons.challenges.{self.name}.checks"

    @property
    def is_package(self) -> bool:
        return True

    @property
    def source_root(self) -> Path:
        """Where the copy's ``sources`` are read from: the clone."""
        return ROOT

    @property
    def sources(self) -> tuple[str, ...]:
        return CAPSTONE_SOURCES

    @property
    def page(self) -> str:
        """Where the challenge is on the site, relative to the clone."""
        return "docs/capstone/challenges.md"


def challenges() -> tuple[Challenge, ...]:
    """The capstone challenges in order, titled and described by their ``__init__.py``.

    Its docstring's first line is the title; a line ``Test: path`` names the learner's test.
    None when the folder is absent (an installed wheel leaves it out: they need a clone).
    """
    found = []
    for folder in sorted(CHALLENGES_DIR.glob("c[0-9][0-9]_*/")):
        if not (folder / "checks.py").is_file():
            continue
        docstring = ast.get_docstring(ast.parse((folder / "__init__.py").read_text("utf-8")))
        lines = (docstring or folder.name).splitlines()
        test = next(line.split(":", 1)[1].strip() for line in lines if line.startswith("Test:"))
        found.append(
            Challenge(
                lesson=CAPSTONE,
                number=int(folder.name[1:3]),
                name=folder.name,
                title=lines[0].rstrip("."),
                test_file=test,
            )
        )
    return tuple(found)


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

    def exercises(self) -> tuple[Exercise, ...]:
        """The lesson's exercises in order, titled by the first line of ``start.py``'s docstring."""
        folders = sorted((self.code_dir / "exercises").glob("e[0-9][0-9]_*/"))
        return tuple(
            Exercise(
                lesson=self.package,
                number=int(folder.name[1:3]),
                name=folder.name,
                title=_docstring_title(folder / "start.py"),
            )
            for folder in folders
            if (folder / "start.py").is_file()
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
    Lesson("l05_responses", "Responses beyond JSON", extras=("redis",)),
    Lesson("l06_dependency_injection", "Dependency injection"),
    Lesson("l07_middleware", "Middleware and the request lifecycle"),
    Lesson("l08_dtos", "Data transfer objects (DTOs)", extras=("pydantic",)),
    Lesson("l09_websockets", "WebSockets"),
    Lesson("l10_server_sent_events", "Server-sent events"),
    Lesson("l11_openapi", "OpenAPI documentation"),
    Lesson("l12_task_api", "The task API, done right"),
    Lesson("l13_databases", "Databases with SQLAlchemy", extras=("db",)),
    Lesson("l14_relations", "Relationships and queries", extras=("db", "postgres")),
    Lesson("l15_auth", "Authentication and authorization", extras=("auth",)),
    Lesson("l16_sessions", "Sessions, cookies and CSRF", extras=("auth", "redis")),
    Lesson("l17_testing", "Testing Litestar apps", extras=("db",)),
    Lesson("l18_background_work", "Work after the response", extras=("jobs",)),
    Lesson(
        "l19_observability",
        "Observability: logs, metrics and traces",
        extras=("observability", "db"),
    ),
    Lesson(
        "l20_performance",
        "Performance: measure, don't guess",
        extras=("pydantic", "attrs"),
        groups=("bench",),  # the benchmark's plot is drawn with matplotlib, and tested
    ),
    Lesson("l21_deployment", "Deploying", extras=("deploy", "db")),
)


def find(number: int) -> Lesson | None:
    return next((lesson for lesson in LESSONS if lesson.number == number), None)
