"""Checks for lesson 10, exercise 3: oven timer."""

import json
import sys

from lessons.kit import CheckFailed, Checks, Client
from lessons.l10_server_sent_events.exercises.stream import fired_events

checks = Checks()


def no_waiting(client: Client) -> None:
    # The checks do not wait a second per tick: set the app module's pause to 0.
    for module in list(sys.modules.values()):
        if getattr(module, "app", None) is client.app and hasattr(module, "SECONDS_PER_TICK"):
            vars(module)["SECONDS_PER_TICK"] = 0


@checks.add("GET /timers/3 is an event stream")
def is_a_stream(client: Client) -> None:
    no_waiting(client)
    fired_events(client.get("/timers/3").expect(200, nudge="is the route there, with an int?"))


@checks.add("it ticks 3, 2, 1 with ids 1 to 3, then rings with id 4", needs=is_a_stream)
def ticks_then_rings(client: Client) -> None:
    no_waiting(client)
    reply = client.get("/timers/3")
    received = [(event.type, event.id, json.loads(event.data)) for event in fired_events(reply)]
    expected = [
        ("tick", "1", {"left": 3}),
        ("tick", "2", {"left": 2}),
        ("tick", "3", {"left": 1}),
        ("ring", "4", {"seconds": 3}),
    ]
    if received != expected:
        raise CheckFailed(
            request=reply.request,
            expected=f"(event, id, data): {expected}",
            received=f"{received}",
            nudge="count down from the seconds asked for; the ring needs data too",
        )


@checks.add("a timer of 0 or 61 seconds is a 400, and abc a 404", needs=is_a_stream)
def bounds(client: Client) -> None:
    for seconds in (0, 61):
        client.get(f"/timers/{seconds}").expect(
            400, nudge="bound the path parameter: checked before the stream starts"
        )
    client.get("/timers/abc").expect(404)
