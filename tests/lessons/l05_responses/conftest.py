from collections.abc import Iterator

import pytest

from lessons.l05_responses import library, step01_redirects, step05_cache

SHELF = dict(library.BOOKS)  # Book structs are replaced, never changed in place


@pytest.fixture(autouse=True)
def fresh_library() -> Iterator[None]:
    """Every test starts with the three books, no loans and no handler runs counted."""
    yield
    library.BOOKS.clear()
    library.BOOKS.update(SHELF)
    step01_redirects.LOANS.clear()
    step05_cache.RUNS.update(books=0, loans=0)
