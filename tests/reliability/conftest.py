"""Each reliability test runs on SQLite, and on PostgreSQL when it answers (tests/services.py:
skipped when it does not, failed instead when REQUIRE_SERVICES=1)."""

from __future__ import annotations

import pytest

from reliability.workload import POSTGRES, SQLITE
from tests.services import require_postgres


@pytest.fixture(params=[SQLITE, POSTGRES])
def database(request: pytest.FixtureRequest) -> str:
    if request.param == POSTGRES:
        require_postgres()
    return str(request.param)
