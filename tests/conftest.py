"""Shared test fixtures. Kept light: a lesson's tests must collect with only that lesson's needs."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from tests.transcripts import MakeTranscript, Transcript

# `pytester` runs small pytest sessions inside a test (tests/project/test_transcripts.py).
pytest_plugins = ["pytester"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-transcripts",
        action="store_true",
        help="rewrite docs/transcripts/ from what the code does now instead of checking them",
    )


@pytest.fixture
def transcript(request: pytest.FixtureRequest) -> Iterator[MakeTranscript]:
    """Make a recorder for docs/transcripts/<name>.txt; it is checked when the test ends."""
    made: list[Transcript] = []

    def make(name: str) -> Transcript:
        recorder = Transcript(name)
        made.append(recorder)
        return recorder

    yield make
    update = bool(request.config.getoption("--update-transcripts"))
    problems = [problem for recorder in made if (problem := recorder.finish(update=update))]
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)


_REGISTRIES = (
    "_SESSION_SCOPE_KEY_REGISTRY",
    "_ENGINE_APP_STATE_KEY_REGISTRY",
    "_SESSIONMAKER_APP_STATE_KEY_REGISTRY",
)


@pytest.fixture(autouse=True)
def forget_database_config_keys() -> Iterator[None]:
    """Let each test's SQLAlchemy configs start from the default keys again.

    advanced-alchemy 1.12 records the keys of every `SQLAlchemyAsyncConfig` a process makes in
    class-level sets and makes each new one unique by trying `key_1`, `key_2`, ... recursively:
    the 995th config in one process raises RecursionError, and each one before it costs more
    (tests/capstone/test_database_config_keys.py pins this). A server makes one; a test run, one
    per app. The apps of a finished test are gone, so their keys are free again.
    """
    yield
    common = sys.modules.get("advanced_alchemy.config.common")
    if common is None:
        return  # not imported (or not installed) in this process: nothing recorded
    for name in _REGISTRIES:
        getattr(common.GenericSQLAlchemyConfig, name).clear()
