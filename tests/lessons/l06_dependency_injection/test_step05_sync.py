"""Step 05: a blocking sync provider runs in a thread; leaving sync_to_thread unset warns."""

from collections.abc import Iterator
from importlib.metadata import version

import pytest
from litestar.di import Provide
from litestar.exceptions import LitestarWarning
from litestar.testing import TestClient

from lessons.l06_dependency_injection.step05_sync import app, default_page_size
from tests.transcripts import MakeTranscript


def test_the_blocking_provider_ran_in_a_worker_thread(transcript: MakeTranscript) -> None:
    record = transcript("l06_dependency_injection/sync")
    with TestClient(app) as client:
        about = record(client.get("/about"))

    assert about.json() == {
        "litestar": version("litestar"),
        "msgspec": version("msgspec"),
        "page_size": 20,
        "versions_built_off_the_event_loop": True,
    }


def test_a_sync_provider_without_sync_to_thread_warns() -> None:
    # The warning comes from Provide() itself, when the module is imported;
    # with warnings as errors (as in this project's tests) it stops the import.
    with pytest.warns(LitestarWarning, match="without setting sync_to_thread is discouraged"):
        Provide(default_page_size)


def test_sync_to_thread_on_a_generator_warns_that_it_does_nothing() -> None:
    def session() -> Iterator[str]:
        yield "session"

    with pytest.warns(LitestarWarning, match="sync_to_thread has no effect on generators"):
        Provide(session, sync_to_thread=True)


def test_sync_to_thread_on_an_async_provider_warns_too() -> None:
    async def page_size() -> int:
        return 20

    with pytest.warns(LitestarWarning, match="sync_to_thread has no effect on async callable"):
        Provide(page_size, sync_to_thread=False)
