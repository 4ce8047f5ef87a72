from collections.abc import Iterator

import pytest

from lessons.l09_websockets.step02_listener import ONLINE


@pytest.fixture(autouse=True)
def nobody_online() -> Iterator[None]:
    """Start every test with no connection counted, whatever the test before it left."""
    ONLINE.clear()
    yield
    ONLINE.clear()
