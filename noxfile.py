"""Every check of the project, one nox session each: `nox -l` lists them, `nox` runs them.

Each session gets a fresh virtual environment (made with uv when it is installed, virtualenv
otherwise) and installs only what it needs, pinned by constraints.txt.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
from lessons.manifest import LESSONS  # noqa: E402 - the manifest is stdlib-only

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
# `nox` with no arguments runs every session not marked default=False, two at a time: the
# sessions are independent (each test that needs PostgreSQL or Redis makes a database or a key
# namespace of its own), and one alone leaves the second core idle while it waits on servers.
# Output is printed per session as each one ends. `nox -j 1` runs them one after another.
nox.options.parallel = 2
nox.options.allow_parallel = True

PYPROJECT = nox.project.load_toml("pyproject.toml")
CONSTRAINTS = ("-c", "constraints.txt")


def install(session: nox.Session, *groups: str, extras: tuple[str, ...] | None = None) -> None:
    """Install the project (with `extras`, or not at all when None) and dependency groups."""
    requirements = list(nox.project.dependency_groups(PYPROJECT, *groups))
    if extras is not None:
        requirements.append(f".[{','.join(extras)}]" if extras else ".")
    session.install(*requirements, *CONSTRAINTS)


def pytest(session: nox.Session, *args: str) -> None:
    # No shared .pytest_cache: sessions run side by side.
    session.run(
        "pytest",
        "-p",
        "no:cacheprovider",
        *args,
        *session.posargs,
        env={"COVERAGE_FILE": f".coverage.{session.name}"},
    )


def _lesson_session(number: int) -> None:
    lesson = next(lesson for lesson in LESSONS if lesson.number == number)

    @nox.session(name=lesson.session)
    def run_lesson(session: nox.Session) -> None:
        # Only this lesson's extras: if the lesson imports anything else, its tests fail here.
        install(session, "test", *lesson.groups, extras=lesson.extras)
        pytest(
            session,
            f"tests/lessons/{lesson.package}",
            f"--cov=lessons/{lesson.package}",
            "--cov-report=term-missing",
            "--cov-fail-under=100",
        )

    run_lesson.__doc__ = f"Lesson {lesson.number:02d}: {lesson.title}."


# The capstone tests that start servers and other processes: they measure nothing of the
# capstone's coverage (it runs in those processes), and they spend most of their time waiting,
# so they are a session of their own that runs beside the others.
CAPSTONE_PROCESS_TESTS = (
    "tests/capstone/test_real_server.py",
    "tests/capstone/test_scale_out.py",
    "tests/capstone/test_challenges.py",  # each check runs in a copy, in a process of its own
    "tests/capstone/test_database_config_keys.py",
    "tests/bench",  # the benchmark harness, on tiny sizes
    "tests/reliability",  # short forms of the load, crash and concurrency tests
)


@nox.session
def capstone(session: nox.Session) -> None:
    """The capstone's tests: SQLite always; PostgreSQL and Redis when reachable (or required)."""
    install(session, "test", extras=("capstone",))
    pytest(
        session,
        "tests/capstone",
        *(f"--ignore={path}" for path in CAPSTONE_PROCESS_TESTS),
        "--cov=capstone",
        "--cov-report=term-missing",
        "--cov-fail-under=100",
    )


@nox.session(name="capstone-servers")
def capstone_servers(session: nox.Session) -> None:
    """The capstone in real servers and processes: workers, load, crashes, its challenges."""
    # The benchmark harness serves the capstone with granian too (deploy) and draws its plot
    # with matplotlib (bench).
    install(session, "test", "bench", extras=("capstone", "deploy"))
    pytest(session, *CAPSTONE_PROCESS_TESTS)


@nox.session
def fuzz(session: nox.Session) -> None:
    """Schemathesis against every lesson and the capstone (SQLite; PostgreSQL + Redis): short."""
    install(session, "test", "fuzz", extras=("all",))
    session.run("pytest", "-p", "no:cacheprovider", "tests/fuzz", *session.posargs)


@nox.session(name="fuzz-deep", default=False)
def fuzz_deep(session: nox.Session) -> None:
    """The same with many more examples per operation (FUZZ_EXAMPLES, 200 unless set)."""
    install(session, "test", "fuzz", extras=("all",))
    examples = os.environ.get("FUZZ_EXAMPLES", "200")
    session.run(
        "pytest",
        "-p",
        "no:cacheprovider",
        "tests/fuzz",
        *session.posargs,
        env={"FUZZ_EXAMPLES": examples},
    )


@nox.session
def browser(session: nox.Session) -> None:
    """The built site in headless Chromium: every page, diagrams, search, tabs, copy buttons."""
    install(session, "test", "docs", "browser", extras=())
    session.run("pytest", "-p", "no:cacheprovider", "tests/browser", *session.posargs)


# Queued after the longest sessions, so that with two at a time they fill in around them.
for _lesson in LESSONS:
    _lesson_session(_lesson.number)


@nox.session
def project(session: nox.Session) -> None:
    """The runner, manifest, transcripts and docs-integrity tests."""
    install(session, "test", "docs", "nox", "workflows", extras=())
    pytest(
        session,
        "tests/project",
        # The lesson packages are covered by their own sessions; this covers the rest.
        "--cov=lessons.runner",
        "--cov=lessons.manifest",
        "--cov=lessons.__main__",
        # The exercise loop and the kit it runs checks with (each lesson covers its exercises).
        "--cov=lessons.cli",
        "--cov=lessons.exercise_commands",
        "--cov=lessons.exercise_listing",
        "--cov=lessons.progress",
        "--cov=lessons.watching",
        "--cov=lessons.copies",  # a capstone challenge's copy and its reference solution
        "--cov=lessons.kit",
        "--cov-report=term-missing",
        "--cov-fail-under=100",
    )


@nox.session
def lint(session: nox.Session) -> None:
    """Formatting and lint rules (ruff)."""
    install(session, "lint")
    session.run("ruff", "format", "--check", ".")
    session.run("ruff", "check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict over lessons, capstone, tests and this file."""
    install(session, "typecheck", "nox", "fuzz", "docs", "browser", extras=("all",))
    session.run("mypy")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the site strictly: a missing include, page, link or anchor fails."""
    install(session, "docs")
    session.run(
        "mkdocs",
        "build",
        "--strict",
        "--site-dir",
        str(ROOT / "site"),
        env={"NO_MKDOCS_2_WARNING": "1"},
    )


@nox.session(default=False)
def zensical(session: nox.Session) -> None:
    """Build the site with Zensical as well as MkDocs and report what differs."""
    install(session, "docs", "zensical")
    session.run("python", "docs_hooks/compare_engines.py", *session.posargs)


@nox.session(default=False)
def transcripts(session: nox.Session) -> None:
    """Rewrite docs/transcripts/ from what the code answers now (then review and commit)."""
    install(session, "test", "bench", "nox", extras=("all",))
    # Fuzzing, the load/crash short forms and the browser suite record no transcripts: skip them.
    skipped = [f"--ignore=tests/{suite}" for suite in ("fuzz", "reliability", "bench", "browser")]
    session.run("pytest", "tests", *skipped, "--update-transcripts", "-q", *session.posargs)


@nox.session(default=False)
def lock(session: nox.Session) -> None:
    """Re-pin constraints.txt to the newest releases pyproject.toml allows."""
    session.install("uv")
    session.run(
        "uv",
        "pip",
        "compile",
        "pyproject.toml",
        "--all-extras",
        "--group",
        "dev",
        "--group",
        "bench",
        "--group",
        "fuzz",
        "--group",
        "browser",
        "--group",
        "workflows",
        "--group",
        "zensical",
        "--universal",
        "--python-version",
        "3.11",
        "--no-annotate",
        "--upgrade",
        "--custom-compile-command",
        "nox -s lock",
        "-o",
        "constraints.txt",
    )


@nox.session(default=False)
def serve(session: nox.Session) -> None:
    """Serve the docs with live reload on http://127.0.0.1:8001."""
    install(session, "docs")
    session.run("mkdocs", "serve", "--dev-addr", "127.0.0.1:8001")


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Benchmarks as ratios: rewrites docs/assets/l20-benchmark.*, capstone-benchmark.txt and
    capstone-performance.*."""
    # tests/services.py finds PostgreSQL (pytest); granian comes with the deploy extra.
    install(session, "bench", "test", extras=("pydantic", "attrs", "capstone", "deploy"))
    session.run("python", "-m", "lessons.l20_performance.benchmark", *session.posargs)
    # The capstone against lesson 12's in-memory API; `nox -s bench -- --quick` for a smoke run.
    quick = ["--quick"] if "--quick" in session.posargs else []
    session.run("python", "-m", "bench.capstone", *quick)
    # The capstone against a no-framework baseline, before and after each optimisation, on
    # uvicorn and granian: SQLite, and PostgreSQL when it answers (docs/capstone/performance.md).
    session.run("python", "-m", "bench.performance", *quick)


@nox.session(default=False)
def load(session: nox.Session) -> None:
    """Load test: 60 s, 32 clients, SQLite then PostgreSQL (2 workers) when it answers."""
    install(session, "test", extras=("capstone",))
    session.run(
        "python", "-m", "reliability.load", "--seconds", "60", "--clients", "32", *session.posargs
    )


@nox.session(default=False)
def crash(session: nox.Session) -> None:
    """Crash test: SIGKILL mid-load, restart, every acknowledged write still there."""
    install(session, "test", extras=("capstone",))
    session.run(
        "python", "-m", "reliability.crash", "--seconds", "20", "--clients", "32", *session.posargs
    )
