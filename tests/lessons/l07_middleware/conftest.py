from collections.abc import Iterator

import pytest
from litestar.stores.memory import MemoryStore

from lessons.l07_middleware import (
    step02_builtin_middleware,
    step03_hooks,
    step04_error_shape,
    step06_lifecycle,
)


@pytest.fixture(autouse=True)
def fresh_state() -> Iterator[None]:
    """Every test starts with empty counters, notes, trace and the seed stock."""
    step02_builtin_middleware.app.stores.register("rate_limit", MemoryStore(), allow_override=True)
    step03_hooks.NOTES.clear()
    step03_hooks.app.state.update({"read_only": False, "responses_sent": 0})
    saved_stock = dict(step04_error_shape.STOCK)
    step06_lifecycle.TRACE.clear()
    yield
    step04_error_shape.STOCK.clear()
    step04_error_shape.STOCK.update(saved_stock)
