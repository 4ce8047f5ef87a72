"""The capstone as the performance benchmark serves it: `uvicorn --factory bench.served:create_app`.

BENCH_OFF names the performance switches of capstone.config.Settings to turn off (comma
separated), so one commit can be measured before and after each optimisation. Every
process (each worker) counts the database connections it opens in BENCH_CONNECTIONS: one
byte appended per connection, so the benchmark reads the file's size before and after a run.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

from litestar import Litestar
from sqlalchemy import event
from sqlalchemy.pool import Pool

import capstone
from capstone.app import create_app as create_capstone
from capstone.config import Settings

OFF_VARIABLE = "BENCH_OFF"
CONNECTIONS_VARIABLE = "BENCH_CONNECTIONS"
# Set when an earlier commit's capstone is served (--app-dir): it must be the one imported.
SOURCE_VARIABLE = "BENCH_SOURCE"
# The optimisations, in the order they were made (docs/capstone/performance.md).
SWITCHES = (
    "token_identity",
    "checked_tokens",
    "reads_autocommit",
    "rows_for_reads",
    "insert_returning",
    "lean_sessions",
    "fixed_pool",
    "fair_pool",
    "single_writer",
    "lean_resets",
)


def count_connections() -> None:
    """Append a byte to BENCH_CONNECTIONS whenever any pool opens a new connection."""
    path = os.environ.get(CONNECTIONS_VARIABLE)
    if not path:
        return

    def opened(*_: Any) -> None:
        # O_APPEND: the workers of one server may all write to the same file at once.
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(descriptor, b".")
        finally:
            os.close(descriptor)

    event.listen(Pool, "connect", opened)


def switched_off() -> dict[str, bool]:
    names = [name.strip() for name in os.environ.get(OFF_VARIABLE, "").split(",") if name.strip()]
    unknown = set(names) - set(SWITCHES)
    if unknown:
        raise ValueError(f"{OFF_VARIABLE}: no such switch {sorted(unknown)}; one of {SWITCHES}")
    return dict.fromkeys(names, False)


def imported_from_source() -> None:
    """Refuse to serve today's capstone when an earlier one was asked for."""
    source = os.environ.get(SOURCE_VARIABLE)
    if source and not Path(capstone.__file__).resolve().is_relative_to(Path(source).resolve()):
        raise RuntimeError(f"capstone was imported from {capstone.__file__}, not from {source}")


def create_app() -> Litestar:
    imported_from_source()
    count_connections()
    settings: Any = dataclasses.replace(Settings.from_env(), **switched_off())  # type: ignore[arg-type]
    return create_capstone(settings)
