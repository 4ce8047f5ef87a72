"""What lesson 21's checks share: variables set for one check, and a client for another app."""

from __future__ import annotations

import os
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
