"""Step 03: listeners run on their own, concurrently; one that raises is logged and alone."""

import asyncio
import logging
import threading
from typing import Any

import pytest
from litestar import Litestar, Request, post
from litestar.events import listener
from litestar.testing import TestClient

from lessons.l18_background_work.step03_events import NEWSLETTER, OUTBOX, app
from tests.transcripts import MakeTranscript


def test_both_listeners_run(transcript: MakeTranscript) -> None:
    record = transcript("l18_background_work/events")
    with TestClient(app) as client:
        record(client.post("/signups", json={"email": "ann@example.com"}))
    # Leaving the block shuts the app down, and shutdown waits for the listeners.
    with TestClient(app) as client:
        record(client.get("/sent"))

    assert OUTBOX == ["welcome to ann@example.com"]
    assert NEWSLETTER == ["ann@example.com"]


def test_a_listener_that_raises_is_logged_and_the_others_still_run(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with TestClient(app) as client:
        response = client.post("/signups", json={"email": "bob@down.example"})

    assert response.status_code == 201
    assert NEWSLETTER == ["bob@down.example"]
    assert OUTBOX == []
    [error] = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert error.name == "litestar.events.listener"
    assert error.getMessage() == (
        "Error while executing listener send_welcome: "
        "the mail server of down.example does not answer"
    )
    assert error.exc_info is not None


def test_the_handler_does_not_wait_for_its_listeners() -> None:
    may_finish = threading.Event()  # the test lets the listener finish when it chooses
    trace: list[str] = []

    @listener("ping")
    async def slow_listener() -> None:
        trace.append("listener started")
        # A thread's event, set by the test: an asyncio.Event belongs to one loop.
        while not may_finish.is_set():  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        trace.append("listener finished")

    @post("/ping")
    async def ping(request: Request[Any, Any, Any]) -> None:
        request.app.emit("ping")

    with TestClient(Litestar([ping], listeners=[slow_listener])) as client:
        assert client.post("/ping").status_code == 201
        trace.append("response received")
        may_finish.set()

    # The listener may start before or after the response arrives; it finishes after.
    assert sorted(trace) == ["listener finished", "listener started", "response received"]
    assert trace[-1] == "listener finished"


def test_an_event_nobody_listens_to_is_a_500() -> None:
    @post("/typo")
    async def typo(request: Request[Any, Any, Any]) -> None:
        request.app.emit("user_sigend_up", email="ann@example.com")

    with TestClient(Litestar([typo]), raise_server_exceptions=False) as client:
        assert client.post("/typo").status_code == 500
