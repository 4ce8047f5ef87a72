"""Checks for lesson 10, exercise 2: resume the order feed."""

from lessons.kit import CheckFailed, Checks, Client
from lessons.l10_server_sent_events.exercises.stream import fired_events

checks = Checks()


def expect_ids(client: Client, last_event_id: str | None, wanted: list[str], nudge: str) -> None:
    headers = {} if last_event_id is None else {"Last-Event-ID": last_event_id}
    reply = client.get("/orders/42/updates", headers=headers).expect(200, nudge=nudge)
    ids = [event.id for event in fired_events(reply)]
    if ids != wanted:
        raise CheckFailed(
            request=reply.request,
            expected="event ids " + ", ".join(wanted),
            received=f"event ids {ids}",
            nudge=nudge,
        )


@checks.add(
    "without Last-Event-ID the feed sends ids 1 to 4",
    passes_on_start="the feed works already; this check makes sure it stays",
)
def starts_at_the_beginning(client: Client) -> None:
    expect_ids(client, None, ["1", "2", "3", "4"], nudge="the first connection sends no header")


@checks.add("with Last-Event-ID: 2 only ids 3 and 4 come", needs=starts_at_the_beginning)
def resumes(client: Client) -> None:
    expect_ids(
        client,
        "2",
        ["3", "4"],
        nudge="the header names the last event the browser HAS; does your handler read it?",
    )


@checks.add("with Last-Event-ID: 4 the answer is 204 No Content", needs=resumes)
def stops_after_done(client: Client) -> None:
    client.get("/orders/42/updates", headers={"Last-Event-ID": "4"}).expect(
        204, nudge="an empty stream makes EventSource come back every few seconds"
    )


@checks.add("ids the feed never sent are a 400 that names the header", needs=resumes)
def rejects_unknown_ids(client: Client) -> None:
    for bad in ("9", "-1", "abc"):
        reply = client.get("/orders/42/updates", headers={"Last-Event-ID": bad})
        reply.expect(400, nudge="constrain the header parameter to the ids the feed hands out")
        sources = [error.get("source") for error in reply.json().get("extra", [])]
        if "header" not in sources:
            raise reply.failure("a 400 whose extra names the header")
