from collections.abc import Iterator

import pytest

from lessons.l11_openapi.library import BOOKS


@pytest.fixture(autouse=True)
def fresh_books() -> Iterator[None]:
    """Give every test the two seed books, whatever the test before it added."""
    saved = dict(BOOKS)  # Book structs are never changed in place, so a shallow copy will do
    yield
    BOOKS.clear()
    BOOKS.update(saved)
