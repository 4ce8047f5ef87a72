from collections.abc import Iterator
from dataclasses import replace

import pytest

from lessons.l02_routing.step01_verbs import PRODUCTS


@pytest.fixture(autouse=True)
def fresh_products() -> Iterator[None]:
    """Give every test the two seed products, whatever the test before it changed."""
    saved = {key: replace(product) for key, product in PRODUCTS.items()}
    yield
    PRODUCTS.clear()
    PRODUCTS.update(saved)
