"""Checks for lesson 18, exercise 2: the warehouse's listener."""

import json

from lessons.kit import CheckFailed, Checks, Client
from lessons.l18_background_work.exercises.polling import poll

checks = Checks()

KETTLE = {"id": 1, "email": "ann@example.com", "item": "kettle"}
TEAPOT = {"id": 2, "email": "bob@example.com", "item": "teapot"}
ANVIL = {"id": 3, "email": "cat@example.com", "item": "anvil"}  # not in stock
# Listeners run in the app's own process, in microseconds: half a second is plenty.
LISTENER_SECONDS = 0.5


def eventually(client: Client, name: str, expected: list[int], request: str, nudge: str) -> None:
    """Wait, briefly, for the listeners: they run on their own after the response."""
    recorded: list[int] = getattr(client.module, name)
    found = poll(lambda: sorted(recorded), lambda now: now == expected, LISTENER_SECONDS)
    if found != expected:
        raise CheckFailed(
            request=request, expected=f"{name} == {expected}", received=f"{found}", nudge=nudge
        )


@checks.add(
    "POST /orders answers 201 and the customer is emailed",
    passes_on_start="the shop works already; this check makes sure it still does",
)
def emails_the_customer(client: Client) -> None:
    client.post("/orders", json=KETTLE).expect(201, json=KETTLE)
    eventually(
        client, "EMAILS", [1], f"POST /orders {json.dumps(KETTLE)}", "leave email_customer as it is"
    )


@checks.add("the warehouse hears of every order", needs=emails_the_customer)
def warehouse_hears(client: Client) -> None:
    for order in (KETTLE, TEAPOT):
        client.post("/orders", json=order).expect(201)
    eventually(
        client,
        "WAREHOUSE",
        [1, 2],
        f"POST /orders {json.dumps(KETTLE)}, then {json.dumps(TEAPOT)}",
        nudge="a listener runs only if it listens to the event's exact id and is in "
        "Litestar(listeners=[...])",
    )


@checks.add(
    "an order the warehouse refuses still answers 201, and its customer is emailed",
    needs=warehouse_hears,
)
def refusal_stays_apart(client: Client) -> None:
    client.post("/orders", json=ANVIL).expect(
        201,
        json=ANVIL,
        nudge="the warehouse's refusal must not reach the customer: who should call it?",
    )
    eventually(
        client,
        "EMAILS",
        [3],
        f"POST /orders {json.dumps(ANVIL)}",
        "is email_customer still a listener?",
    )
