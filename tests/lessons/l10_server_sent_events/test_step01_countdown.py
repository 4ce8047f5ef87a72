"""Step 01: each yielded string is one event, sent with the headers an event stream needs."""

from litestar.testing import TestClient

from lessons.l10_server_sent_events.step01_countdown import app
from tests.lessons.l10_server_sent_events.events import Event, parse_events
from tests.transcripts import MakeTranscript


def test_each_yielded_string_is_one_event(transcript: MakeTranscript) -> None:
    record = transcript("l10_server_sent_events/countdown")
    with TestClient(app) as client:
        response = client.get("/countdown")
    record(response, headers=("cache-control", "x-accel-buffering"))

    assert response.status_code == 200
    assert parse_events(response.text) == [
        Event(data="3"),
        Event(data="2"),
        Event(data="1"),
        Event(data="Lift-off!\nWe have lift-off."),
    ]


def test_the_wire_format_ends_each_line_with_crlf() -> None:
    with TestClient(app) as client:
        response = client.get("/countdown", params={"start": 1})

    # A line break inside a string becomes a second data: line; the client joins them again.
    assert response.content == (
        b"data: 1\r\n\r\ndata: Lift-off!\r\ndata: We have lift-off.\r\n\r\n"
    )


def test_litestar_sets_the_event_stream_headers() -> None:
    with TestClient(app) as client:
        response = client.get("/countdown", params={"start": 1})

    assert response.headers["content-type"] == "text/event-stream; charset=utf-8"
    assert response.headers["cache-control"] == "no-cache"
    # nginx buffers responses by default, which would hold events back; this turns it off.
    assert response.headers["x-accel-buffering"] == "no"
    assert response.headers["connection"] == "keep-alive"
    assert "content-length" not in response.headers  # the length is not known in advance


def test_parameters_are_checked_before_the_stream_starts(transcript: MakeTranscript) -> None:
    record = transcript("l10_server_sent_events/countdown-rejected")
    with TestClient(app) as client:
        response = record(client.get("/countdown", params={"start": 100}))

    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    assert response.json()["extra"] == [
        {"message": "Expected `int` <= 10", "key": "start", "source": "query"}
    ]
