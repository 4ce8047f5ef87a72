from collections.abc import Iterator

import pytest

from lessons.l04_request_bodies import (
    step01_pydantic,
    step02_msgspec,
    step03_attrs,
    step04_dataclass,
    step07_responses,
)


@pytest.fixture(autouse=True)
def empty_stores() -> Iterator[None]:
    """Start every test with no books, whatever the test before it stored."""
    yield
    for module in (step01_pydantic, step02_msgspec, step03_attrs, step04_dataclass):
        module.BOOKS.clear()
    step07_responses.BOOKS.clear()
