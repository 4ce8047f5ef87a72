"""Step 04: the real order of setup, handler, teardown and response, on success and failure."""

import asyncio
from collections.abc import AsyncIterator

from litestar import Litestar, get
from litestar.di import NamedDependency, Provide
from litestar.exceptions import NotFoundException
from litestar.params import FromPath
from litestar.testing import TestClient
from litestar.types import Message, Receive, Scope, Send

from lessons.l06_dependency_injection.step04_yield import EVENTS, app
from tests.transcripts import MakeTranscript


# --8<-- [start:order]
async def app_that_logs_sending(scope: Scope, receive: Receive, send: Send) -> None:
    """Wrap the step's app and log the moment the response starts going out."""

    async def logging_send(message: Message) -> None:
        if message["type"] == "http.response.start":
            EVENTS.append(f"send {message['status']} response")
        await send(message)

    await app(scope, receive, logging_send)


def test_teardown_runs_after_the_handler_and_before_the_response_is_sent() -> None:
    with TestClient(app_that_logs_sending) as client:
        found = client.get("/tasks/1")

    assert found.status_code == 200
    assert EVENTS == [
        "open session",
        "handler reads task 1",
        "commit",
        "close session",
        "send 200 response",
    ]


def test_the_handlers_exception_is_thrown_into_the_generator() -> None:
    with TestClient(app_that_logs_sending) as client:
        missing = client.get("/tasks/99")

    assert missing.status_code == 404
    assert EVENTS == [
        "open session",
        "handler reads task 99",
        "roll back (NotFoundException)",
        "close session",
        "send 404 response",
    ]


# --8<-- [end:order]


def test_the_events_endpoint_shows_the_log(transcript: MakeTranscript) -> None:
    record = transcript("l06_dependency_injection/yield")
    with TestClient(app) as client:
        record(client.get("/tasks/1"))
        record(client.get("/tasks/99"))
        events = record(client.get("/events"))

    assert events.json() == [
        "open session",
        "handler reads task 1",
        "commit",
        "close session",
        "open session",
        "handler reads task 99",
        "roll back (NotFoundException)",
        "close session",
    ]


def test_a_generator_cannot_swallow_the_handlers_exception() -> None:
    async def forgiving() -> AsyncIterator[str]:
        try:
            yield "value"
        except NotFoundException:
            EVENTS.append("swallowed")  # no re-raise

    @get("/")
    async def handler(value: NamedDependency[str]) -> str:
        raise NotFoundException(value)

    with TestClient(Litestar([handler], dependencies={"value": Provide(forgiving)})) as client:
        response = client.get("/")

    assert EVENTS == ["swallowed"]
    assert response.status_code == 404  # the exception still reaches the client


# --8<-- [start:pitfall-finally]
async def session_without_finally() -> AsyncIterator[str]:
    EVENTS.append("open")
    yield "session"
    EVENTS.append("close")  # skipped when the handler raises: the error comes out of `yield`


# --8<-- [end:pitfall-finally]


def test_teardown_after_a_bare_yield_is_skipped_when_the_handler_raises() -> None:
    @get("/{fail:int}")
    async def handler(fail: FromPath[int], session: NamedDependency[str]) -> str:
        if fail:
            raise NotFoundException("nothing here")
        return session

    dependencies = {"session": Provide(session_without_finally)}
    with TestClient(Litestar([handler], dependencies=dependencies)) as client:
        client.get("/0")
        client.get("/1")

    # The second request never closed its session: the exception was raised
    # at the `yield`, so the code after it did not run.
    assert EVENTS == ["open", "close", "open"]


async def open_connection() -> AsyncIterator[str]:
    EVENTS.append("open connection")
    try:
        yield "connection"
    finally:
        EVENTS.append("close connection")


async def begin_transaction(connection: NamedDependency[str]) -> AsyncIterator[str]:
    EVENTS.append("begin")
    try:
        yield f"transaction on {connection}"
    except Exception:
        EVENTS.append("roll back")
        raise
    await asyncio.sleep(0)  # committing talks to the database: it awaits
    EVENTS.append("commit")


def make_two_generator_app() -> Litestar:
    @get("/{fail:int}")
    async def handler(fail: FromPath[int], transaction: NamedDependency[str]) -> str:
        if fail:
            raise NotFoundException("nothing here")
        return transaction

    return Litestar(
        [handler],
        dependencies={
            "connection": Provide(open_connection),
            "transaction": Provide(begin_transaction),
        },
    )


def test_two_generators_tear_down_concurrently_and_on_error_in_setup_order() -> None:
    with TestClient(make_two_generator_app()) as client:
        client.get("/0")
        success = EVENTS.copy()
        EVENTS.clear()
        client.get("/1")
        failure = EVENTS.copy()

    # Success: teardowns run side by side, so the connection is closed while
    # the commit is still waiting.
    assert success == ["open connection", "begin", "close connection", "commit"]
    # Failure: the exception goes into the generators in setup order, so the
    # connection is closed before the transaction can roll back.
    assert failure == ["open connection", "begin", "close connection", "roll back"]
