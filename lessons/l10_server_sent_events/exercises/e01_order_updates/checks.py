"""Checks for lesson 10, exercise 1: order updates."""

import json

from lessons.kit import CheckFailed, Checks, Client
from lessons.l10_server_sent_events.exercises.stream import Fired, fired_events

checks = Checks()

STATUSES = ("paid", "packed", "shipped")


def expected_events(order_id: int) -> list[Fired]:
    statuses = [
        Fired("status", json.dumps({"order": order_id, "status": status}), str(number))
        for number, status in enumerate(STATUSES, start=1)
    ]
    return [*statuses, Fired("done", json.dumps({"order": order_id}), "4")]


def decoded(events: list[Fired]) -> list[tuple[str, object, str | None]]:
    # Compare the JSON the events carry, not its spacing.
    result: list[tuple[str, object, str | None]] = []
    for event in events:
        try:
            data: object = json.loads(event.data)
        except ValueError:
            data = event.data
        result.append((event.type, data, event.id))
    return result


def check_feed(client: Client, order_id: int, nudge: str) -> None:
    reply = client.get(f"/orders/{order_id}/updates").expect(200)
    received = decoded(fired_events(reply))
    expected = decoded(expected_events(order_id))
    if received != expected:
        raise CheckFailed(
            request=reply.request,
            expected=f"these events, as a browser fires them (type, data, id): {expected}",
            received=f"{received}",
            nudge=nudge,
        )


@checks.add(
    "GET /orders/42/updates is an event stream",
    passes_on_start="the handler streams already; this check makes sure it still does",
)
def is_a_stream(client: Client) -> None:
    fired_events(client.get("/orders/42/updates").expect(200))


@checks.add(
    "GET /orders/42/updates fires three status events and a done event, ids 1 to 4",
    needs=is_a_stream,
)
def fires_the_events(client: Client) -> None:
    check_feed(
        client,
        42,
        nudge="each event needs a name, an id and data; a block without a data: line "
        "never reaches a listener",
    )


@checks.add("another order streams its own number", needs=fires_the_events)
def uses_the_order_number(client: Client) -> None:
    check_feed(client, 7, nudge="is the order number from the path in every event?")


@checks.add(
    "GET /orders/abc/updates is still a 404",
    passes_on_start="the path parameter is typed already; this check makes sure it stays",
)
def bad_order_is_404(client: Client) -> None:
    client.get("/orders/abc/updates").expect(404)
