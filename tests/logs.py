"""A logger's records, kept for a test (Litestar's logging config replaces caplog's handler)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator


class Records(logging.Handler):
    """Every record the logger it is added to receives, at any level."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextlib.contextmanager
def plugin_log() -> Iterator[list[logging.LogRecord]]:
    """The records of advanced-alchemy's Litestar plugin, DEBUG included, while it lasts."""
    logger = logging.getLogger("advanced_alchemy.extensions.litestar")
    handler, level = Records(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
