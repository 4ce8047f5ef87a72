"""Lesson 18's exercises: each shipped start is unsolved, each solution passes every check.

Exercise 3's checks run a real worker on Redis: the `queue` fixture (conftest.py) gives them
a queue of their own, and skips them (or fails them, under REQUIRE_SERVICES=1) without Redis.
"""

import pytest

from tests.exercises import two_sided_tests

test_solution_passes, test_start_is_unsolved, test_files, test_count = two_sided_tests(
    "l18_background_work"
)


@pytest.fixture(autouse=True)
def redis_for_exercise_3(request: pytest.FixtureRequest) -> None:
    callspec = getattr(request.node, "callspec", None)
    exercise = callspec.params.get("exercise") if callspec else None
    if exercise is not None and exercise.name == "e03_thumbnails":
        request.getfixturevalue("queue")
