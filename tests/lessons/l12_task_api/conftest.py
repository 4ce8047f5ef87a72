from collections.abc import Iterator

import pytest

from lessons.l12_task_api.store import STORE
from tests.lessons.l12_task_api.support import TickingClock


@pytest.fixture(autouse=True)
def fresh_store() -> Iterator[TickingClock]:
    """An empty store and a predictable clock for every test, whatever the test before did."""
    real_clock = STORE.clock
    clock = TickingClock()
    STORE.reset()
    STORE.clock = clock
    yield clock
    STORE.reset()
    STORE.clock = real_clock
