from collections.abc import Iterator

import pytest

from lessons.l06_dependency_injection.step04_yield import EVENTS


@pytest.fixture(autouse=True)
def fresh_events() -> Iterator[None]:
    """Start every test with an empty event log, whatever the test before it did."""
    EVENTS.clear()
    yield
    EVENTS.clear()
