import copy
from collections.abc import Iterator
from typing import Any

import pytest

from lessons.l08_dtos import step06_pydantic, step07_msgspec
from lessons.l08_dtos.orders import ORDERS
from lessons.l08_dtos.users import USERS

STORES: tuple[dict[int, Any], ...] = (
    USERS,
    ORDERS,
    step06_pydantic.USERS,
    step07_msgspec.USERS,
)


@pytest.fixture(autouse=True)
def fresh_stores() -> Iterator[None]:
    """Give every test the seed data, whatever the test before it created or changed."""
    # One deepcopy of all stores keeps shared objects shared: order 1's customer is user 1.
    saved = copy.deepcopy(STORES)
    yield
    for store, original in zip(STORES, copy.deepcopy(saved), strict=True):
        store.clear()
        store.update(original)
