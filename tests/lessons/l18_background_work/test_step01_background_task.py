"""Step 01: the response goes out first, then the background task runs."""

import asyncio

import pytest
from litestar import Litestar, post
from litestar.params import JSONBody
from litestar.testing import TestClient

from lessons.l18_background_work.exercises.server import serve_one, served
from lessons.l18_background_work.step01_background_task import (
    OUTBOX,
    Signup,
    app,
    send_welcome,
)
from tests.transcripts import MakeTranscript


def test_the_client_gets_its_201_before_the_email_is_sent() -> None:
    # What the outbox held as each ASGI message went out to the client.
    sent = served(app, "POST", "/signups", {"email": "ann@example.com"}, lambda: list(OUTBOX))

    assert sent == [("http.response.start", []), ("http.response.body", [])]
    assert OUTBOX == ["welcome to ann@example.com"]  # sent once the response was out


def test_testclient_waits_for_background_tasks(transcript: MakeTranscript) -> None:
    # TestClient returns when the app returns, and the app returns after its background
    # tasks: a test sees their effects at once, where a real client would not wait for them.
    record = transcript("l18_background_work/signup")
    with TestClient(app) as client:
        record(client.post("/signups", json={"email": "ann@example.com"}))
        record(client.get("/outbox"))

    assert OUTBOX == ["welcome to ann@example.com"]


def test_inline_work_holds_the_response_back() -> None:
    # The mistake: awaiting the slow work in the handler. The client waits for it.
    # --8<-- [start:inline]
    @post("/signups")
    async def sign_up_inline(data: JSONBody[Signup]) -> Signup:
        await send_welcome(data.email)  # the client waits for the mail server
        return data

    # --8<-- [end:inline]
    inline = Litestar(route_handlers=[sign_up_inline])

    sent = served(inline, "POST", "/signups", {"email": "ann@example.com"}, lambda: list(OUTBOX))

    assert sent == [
        ("http.response.start", ["welcome to ann@example.com"]),
        ("http.response.body", ["welcome to ann@example.com"]),
    ]


def test_a_task_cut_off_after_the_response_is_simply_lost() -> None:
    # The server stops (a deploy, a crash) just after the response went out: the client
    # has its 201, the email is never sent, and nothing anywhere remembers it was owed.
    messages: list[str] = []

    def stop_after_the_response() -> None:
        messages.append("sent")
        if len(messages) == 2:  # the body, the last message of the response
            task = asyncio.current_task()
            assert task is not None
            task.cancel()

    async def serve_then_stop() -> None:
        await serve_one(
            app, "POST", "/signups", {"email": "ann@example.com"}, stop_after_the_response
        )

    with pytest.raises(asyncio.CancelledError):
        asyncio.run(serve_then_stop())

    assert messages == ["sent", "sent"]
    assert OUTBOX == []
