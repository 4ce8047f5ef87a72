"""Step 02: progress events with a type and an id, a retry time, and a last `done` event."""

import json

from litestar.response import ServerSentEventMessage
from litestar.testing import TestClient

from lessons.l10_server_sent_events.step02_progress import app
from tests.lessons.l10_server_sent_events.events import (
    Event,
    fired_in_a_browser,
    parse_events,
)
from tests.transcripts import MakeTranscript


def test_the_feed_reports_progress_then_done_then_ends(transcript: MakeTranscript) -> None:
    record = transcript("l10_server_sent_events/progress")
    with TestClient(app) as client:
        # The client returns only when the server has closed the stream: the feed ends.
        response = client.get("/jobs/7/progress")
    record(response)

    events = parse_events(response.text)
    assert events[0] == Event(retry=5000, comments=("progress of job 7",))
    assert [(e.event, e.id, json.loads(e.data or "")) for e in events[1:]] == [
        ("progress", "1", {"job": 7, "percent": 0}),
        ("progress", "2", {"job": 7, "percent": 25}),
        ("progress", "3", {"job": 7, "percent": 50}),
        ("progress", "4", {"job": 7, "percent": 75}),
        ("progress", "5", {"job": 7, "percent": 100}),
        ("done", "6", {"job": 7}),
    ]


def test_the_opening_comment_fires_no_event_in_a_browser() -> None:
    with TestClient(app) as client:
        events = parse_events(client.get("/jobs/7/progress").text)

    fired = fired_in_a_browser(events)
    assert [event_type for event_type, _ in fired] == ["progress"] * 5 + ["done"]


def test_a_path_that_is_not_a_job_number_is_404() -> None:
    with TestClient(app) as client:
        response = client.get("/jobs/seven/progress")

    assert response.status_code == 404


def test_fields_are_written_in_a_fixed_order() -> None:
    message = ServerSentEventMessage(data="x", event="e", id=1, retry=10, comment="c")

    assert message.encode() == b": c\r\nid: 1\r\nevent: e\r\ndata: x\r\nretry: 10\r\n\r\n"


def test_a_message_without_data_set_still_sends_an_empty_data_line() -> None:
    # `data` defaults to "", which is written as "data: ": a browser fires an empty
    # "message" event for what was meant as a silent comment (a keep-alive ping).
    # --8<-- [start:pitfall]
    ping = ServerSentEventMessage(comment="ping")
    silent_ping = ServerSentEventMessage(comment="ping", data=None)
    # --8<-- [end:pitfall]

    assert ping.encode() == b": ping\r\ndata: \r\n\r\n"
    assert fired_in_a_browser(parse_events(ping.encode().decode())) == [("message", "")]
    assert silent_ping.encode() == b": ping\r\n\r\n"
    assert fired_in_a_browser(parse_events(silent_ping.encode().decode())) == []


def test_an_event_with_data_none_never_reaches_a_listener() -> None:
    # The reverse mistake: a "done" event with no data is sent, but a browser drops
    # every block without a data: line, so addEventListener("done", ...) never runs.
    done = ServerSentEventMessage(event="done", data=None)

    assert done.encode() == b"event: done\r\n\r\n"
    assert fired_in_a_browser(parse_events(done.encode().decode())) == []
