"""What lesson 21's checks share: variables set for one check, and a client for another app."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from litestar import Litestar
from litestar.testing import TestClient

from lessons.kit import CheckFailed, Client

PREFIX = "DEPOT_"


@contextmanager
def environment(**values: str) -> Iterator[None]:
    """Exactly these DEPOT_ variables while the block runs; the previous ones afterwards."""
    ours = [name for name in os.environ if name.startswith(PREFIX)]
    saved = {name: os.environ.pop(name) for name in ours}
    os.environ.update(values)
    try:
        yield
    finally:
        for name in values:
            os.environ.pop(name, None)
        os.environ.update(saved)


@contextmanager
def client_for(app: Litestar, context: str) -> Iterator[Client]:
    """A checks' Client around an app the check built itself (with its start-up and shutdown).

    ``context`` says how that app differs from the learner's own, in front of each request a
    failure shows: "with DEPOT_REGION=us: GET /about".
    """
    before = set(threading.enumerate())
    with TestClient(app) as test_client:
        try:
            yield Client(app, test_client, [])
        except CheckFailed as failed:
            raise CheckFailed(
                request=f"{context}: {failed.request}",
                expected=failed.expected,
                received=failed.received,
                nudge=failed.nudge,
            ) from None
        finally:
            _let_failed_sqlite_connects_finish(before)


def _let_failed_sqlite_connects_finish(before: set[threading.Thread]) -> None:
    # aiosqlite answers a failed connect from its own thread, which then reports its stop to
    # the event loop: if the test client has closed that loop by then, the thread raises
    # "Event loop is closed" (seen under load). Wait for those threads while the loop runs.
    for thread in set(threading.enumerate()) - before:
        if thread.name.endswith("(_connection_worker_thread)"):
            thread.join(timeout=1)
