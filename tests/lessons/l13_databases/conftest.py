from pathlib import Path

import pytest


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """A fresh SQLite file per test: tests never share data and can run in parallel."""
    return f"sqlite+aiosqlite:///{tmp_path / 'lesson13.sqlite3'}"
