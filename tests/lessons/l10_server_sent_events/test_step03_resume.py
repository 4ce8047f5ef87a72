"""Step 03: Last-Event-ID resumes the feed after the last event the client saw; bad ids are 400."""

import pytest
from litestar.testing import TestClient

from lessons.l10_server_sent_events.step03_resume import app
from tests.lessons.l10_server_sent_events.events import parse_events
from tests.transcripts import MakeTranscript


def ids(body: str) -> list[str | None]:
    return [event.id for event in parse_events(body)]


def test_without_the_header_the_feed_starts_at_the_beginning() -> None:
    with TestClient(app) as client:
        response = client.get("/jobs/7/progress")

    assert ids(response.text) == ["1", "2", "3", "4", "5", "6"]


def test_a_reconnecting_client_gets_the_rest_exactly_once(transcript: MakeTranscript) -> None:
    record = transcript("l10_server_sent_events/resume")
    with TestClient(app) as client:
        everything = parse_events(client.get("/jobs/7/progress").text)
        # Say the connection dropped after event 3: EventSource reconnects by itself
        # and sends the last id it received.
        seen = everything[:3]
        resumed = client.get("/jobs/7/progress", headers={"Last-Event-ID": seen[-1].id or ""})
    record(resumed)

    assert resumed.status_code == 200
    assert seen + parse_events(resumed.text) == everything


def test_after_the_last_event_the_answer_is_204_which_stops_eventsource(
    transcript: MakeTranscript,
) -> None:
    record = transcript("l10_server_sent_events/resume-finished")
    with TestClient(app) as client:
        response = record(client.get("/jobs/7/progress", headers={"Last-Event-ID": "6"}))

    assert response.status_code == 204
    assert response.content == b""


@pytest.mark.parametrize(
    ("last_event_id", "message"),
    [
        ("three", "Expected `int`, got `str`"),
        ("-1", "Expected `int` >= 0"),
        ("7", "Expected `int` <= 6"),
        ("", "Expected `int`, got `str`"),
    ],
)
def test_an_id_this_feed_never_sent_is_400(last_event_id: str, message: str) -> None:
    with TestClient(app) as client:
        response = client.get("/jobs/7/progress", headers={"Last-Event-ID": last_event_id})

    assert response.status_code == 400
    assert response.json()["extra"] == [
        {"message": message, "key": "last_event_id", "source": "header"}
    ]


def test_rejections_transcript(transcript: MakeTranscript) -> None:
    record = transcript("l10_server_sent_events/resume-rejected")
    with TestClient(app) as client:
        record(client.get("/jobs/7/progress", headers={"Last-Event-ID": "three"}))
        record(client.get("/jobs/7/progress", headers={"Last-Event-ID": "99"}))
