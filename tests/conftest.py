"""Shared test fixtures. Kept light: a lesson's tests must collect with only that lesson's needs."""

from __future__ import annotations

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
