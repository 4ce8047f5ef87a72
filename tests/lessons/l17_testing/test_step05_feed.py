"""Step 05: read an event stream to its end and check each event."""

from collections.abc import AsyncIterator

import msgspec
from litestar import Litestar, get
from litestar.response import ServerSentEvent
from litestar.testing import TestClient

from lessons.l17_testing.step05_feed import app
from tests.lessons.l17_testing.sse import parse_events
from tests.transcripts import MakeTranscript


# --8<-- [start:events]
def test_the_feed_sends_numbered_progress_then_an_end(transcript: MakeTranscript) -> None:
    record = transcript("l17_testing/progress")
    with TestClient(app) as client:
        response = record(client.get("/progress", params={"steps": 2}))

    assert response.headers["content-type"] == "text/event-stream; charset=utf-8"
    events = parse_events(response.text)
    assert [event.get("event") for event in events] == ["progress", "progress", "end"]
    assert [event.get("id") for event in events] == ["1", "2", None]
    progress = [msgspec.json.decode(event["data"]) for event in events[:-1]]
    assert progress == [{"done": 1, "of": 2}, {"done": 2, "of": 2}]
    assert events[-1]["data"] == "finished"


# --8<-- [end:events]


def test_a_bad_parameter_is_a_400_before_the_stream_starts(transcript: MakeTranscript) -> None:
    record = transcript("l17_testing/progress-rejected")
    with TestClient(app) as client:
        response = record(client.get("/progress", params={"steps": 0}))

    assert response.status_code == 400
    assert response.json()["extra"] == [
        {"message": "Expected `int` >= 1", "key": "steps", "source": "query"}
    ]


def test_the_parser_joins_data_lines_and_skips_comments() -> None:
    body = ": keep-alive\r\n\r\nevent: note\ndata: first line\rdata: second line\n\n"

    assert parse_events(body) == [{"event": "note", "data": "first line\nsecond line"}]


# --8<-- [start:pitfall-stream]
def test_the_test_client_reads_the_whole_stream_before_you_see_a_byte() -> None:
    sent: list[str] = []

    async def two_events() -> AsyncIterator[str]:
        for data in ["one", "two"]:
            sent.append(data)
            yield data

    @get("/two")
    async def stream() -> ServerSentEvent:
        return ServerSentEvent(two_events())

    with TestClient(Litestar([stream])) as client, client.stream("GET", "/two") as response:
        # Not one line has been read, yet the generator has already run to its
        # end: the test transport buffers the body. A stream that never ends
        # would never get here, which is why step 5's feed is bounded.
        assert sent == ["one", "two"]
        lines = list(response.iter_lines())

    assert lines == ["data: one", "", "data: two", ""]


# --8<-- [end:pitfall-stream]
