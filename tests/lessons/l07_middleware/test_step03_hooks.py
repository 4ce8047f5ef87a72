"""Step 03: before_request can answer early, after_request edits, after_response counts."""

from typing import Any

import pytest
from litestar import Litestar, Request, get, post
from litestar.testing import TestClient

from lessons.l07_middleware.step03_hooks import app
from tests.transcripts import MakeTranscript


def test_every_response_gets_the_header_and_is_counted(transcript: MakeTranscript) -> None:
    record = transcript("l07_middleware/hooks")
    with TestClient(app) as client:
        record(client.post("/notes", json="buy milk"), headers=["cache-control"])
        listed = record(client.get("/notes"), headers=["cache-control"])

    assert listed.headers["Cache-Control"] == "no-store"
    # after_response ran for the POST before the GET was handled; the GET itself is
    # counted only after it was sent, so it does not see itself.
    assert listed.json() == {"notes": ["buy milk"], "responses_sent": 1}
    assert app.state.responses_sent == 2


def test_before_request_answers_writes_when_read_only(transcript: MakeTranscript) -> None:
    record = transcript("l07_middleware/hooks-read-only")
    app.state.read_only = True
    with TestClient(app) as client:
        refused = record(client.post("/notes", json="buy milk"), headers=["cache-control"])
        read = client.get("/notes")

    assert refused.status_code == 503
    assert refused.json()["detail"].startswith("The service is read-only")
    # The handler never ran, so nothing was stored; reads still work.
    assert read.json()["notes"] == []
    # The early answer still went through after_request.
    assert refused.headers["Cache-Control"] == "no-store"


def test_a_bad_body_is_still_a_400_when_writable() -> None:
    with TestClient(app) as client:
        response = client.post("/notes", content=b"{not json")

    assert response.status_code == 400
    assert response.json()["detail"].startswith("JSON is malformed")


def test_hooks_do_not_chain_the_closest_layer_wins() -> None:
    calls: list[str] = []

    async def app_hook(request: Request[Any, Any, Any]) -> None:
        calls.append("app")

    async def handler_hook(request: Request[Any, Any, Any]) -> None:
        calls.append("handler")

    @get("/", before_request=handler_hook)
    async def index() -> str:
        return "ok"

    with TestClient(Litestar([index], before_request=app_hook)) as client:
        client.get("/")

    # The app-level hook did not run at all: a handler-level hook replaces it.
    assert calls == ["handler"]


def test_before_request_runs_before_the_body_is_parsed() -> None:
    app.state.read_only = True
    with TestClient(app) as client:
        response = client.post("/notes", content=b"{not json")

    # The hook answered first, so the malformed body was never even read.
    assert response.status_code == 503


def answer_with(value: object) -> Litestar:
    """An app whose before_request hook returns `value` in front of two handlers."""

    async def hook(request: Request[Any, Any, Any]) -> object:
        return value

    @get("/")
    async def read() -> str:
        return "the handler ran"

    @post("/")
    async def write() -> str:
        return "the handler ran"

    return Litestar([read, write], before_request=hook)


@pytest.mark.parametrize("falsy", [None, {}, [], "", 0, False], ids=repr)
def test_a_falsy_return_from_before_request_lets_the_handler_run(falsy: object) -> None:
    with TestClient(answer_with(falsy)) as client:
        response = client.get("/")

    # Litestar tests `if not response_data`: an empty dict or list is no answer.
    assert response.text == "the handler ran"


def test_another_value_is_sent_as_if_the_handler_had_returned_it() -> None:
    with TestClient(answer_with("answered early")) as client:
        read = client.get("/")
        write = client.post("/")

    # The handler did not run, but its status code (201 for a POST) and media type apply.
    assert (read.status_code, read.text) == (200, "answered early")
    assert (write.status_code, write.text) == (201, "answered early")


def test_a_dict_in_front_of_a_text_handler_is_a_500() -> None:
    with TestClient(answer_with({"early": True})) as client:
        response = client.get("/")

    # Encoded as the handler's text/plain response would be: it cannot be.
    assert response.status_code == 500
