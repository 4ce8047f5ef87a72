"""Step 02: several background tasks run in order; a failure stops the ones after it."""

import asyncio
import logging

import pytest
from litestar import Litestar, Response, post
from litestar.background_tasks import BackgroundTask, BackgroundTasks
from litestar.exceptions import LitestarException
from litestar.testing import TestClient

from lessons.l18_background_work.exercises.server import served
from lessons.l18_background_work.step02_background_tasks import NEWSLETTER, OUTBOX, app
from tests.transcripts import MakeTranscript


def sent_so_far() -> tuple[int, int]:
    return len(OUTBOX), len(NEWSLETTER)


def test_both_tasks_run_in_order_after_the_response() -> None:
    sent = served(app, "POST", "/signups", {"email": "ann@example.com"}, sent_so_far)

    assert sent == [("http.response.start", (0, 0)), ("http.response.body", (0, 0))]
    assert (OUTBOX, NEWSLETTER) == (["welcome to ann@example.com"], ["ann@example.com"])


def test_what_a_client_can_see_of_them(transcript: MakeTranscript) -> None:
    record = transcript("l18_background_work/two-tasks")
    with TestClient(app) as client:
        record(client.post("/signups", json={"email": "ann@example.com"}))
        record(client.get("/sent"))


def test_a_failing_task_stops_the_next_one_after_the_client_has_its_201(
    caplog: pytest.LogCaptureFixture,
) -> None:
    messages: list[str] = []

    with pytest.raises(
        LitestarException, match="Exception caught after response started"
    ) as raised:
        served(
            app, "POST", "/signups", {"email": "bob@down.example"}, lambda: messages.append("sent")
        )

    # The client got the whole 201; then the app raised, to the server, which logs it.
    assert messages == ["sent", "sent"]
    assert isinstance(raised.value.__cause__, ConnectionError)
    # The newsletter task, which came second, never ran; nothing will try either again.
    assert (OUTBOX, NEWSLETTER) == ([], [])
    # Litestar itself logs nothing: only the server's log shows the error.
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_testclient_raises_what_the_task_raised() -> None:
    with TestClient(app) as client, pytest.raises(LitestarException) as raised:
        client.post("/signups", json={"email": "bob@down.example"})

    assert isinstance(raised.value.__cause__, ConnectionError)


def test_in_a_task_group_a_failure_cancels_the_tasks_still_running() -> None:
    trace: list[str] = []

    async def fail() -> None:
        await asyncio.sleep(0)
        raise ConnectionError("down")

    async def slow() -> None:
        trace.append("slow started")
        await asyncio.Event().wait()  # would wait forever, unless cancelled
        trace.append("slow finished")  # pragma: no cover - never reached

    @post("/go")
    async def go() -> Response[None]:
        tasks = [BackgroundTask(slow), BackgroundTask(fail)]
        return Response(None, background=BackgroundTasks(tasks, run_in_task_group=True))

    with pytest.raises(LitestarException) as raised:
        served(Litestar(route_handlers=[go]), "POST", "/go", None, lambda: None)

    assert trace == ["slow started"]
    group = raised.value.__cause__
    assert isinstance(group, ExceptionGroup)
    assert [type(error) for error in group.exceptions] == [ConnectionError]
