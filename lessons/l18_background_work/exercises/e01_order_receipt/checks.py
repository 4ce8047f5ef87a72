"""Checks for lesson 18, exercise 1: the order receipt."""

import json
from typing import Any

from lessons.kit import CheckFailed, Checks, Client
from lessons.l18_background_work.exercises.server import served

checks = Checks()

ANN = {"id": 7, "email": "ann@example.com", "total": 4200}
BOB = {"id": 8, "email": "bob@example.com", "total": 990}


def receipt(order: dict[str, object]) -> str:
    return f"receipt for order {order['id']} to {order['email']}"


def app_raised(request: str, error: Exception) -> CheckFailed:
    """What a learner reads when the app raised after its response: a task went wrong."""
    return CheckFailed(
        request=request,
        expected="a 201, then one receipt",
        received=f"the app raised {type(error).__name__}: {error} (from {error.__cause__!r})",
        nudge="a background task that raises fails after the response: check its arguments",
    )


def no_waiting(client: Client) -> None:
    module: Any = client.module
    module.SECONDS_TO_SEND = 0


def serve(client: Client, order: dict[str, object]) -> tuple[list[tuple[str, object]], list[str]]:
    """Serve one POST /orders as a server does: what was sent when each message went out,
    and what was sent in the end."""
    module: Any = client.module  # the learner's file: its names are only known at run time
    module.SECONDS_TO_SEND = 0
    module.SENT.clear()
    # The checks that call this need answers_201: a task that raises is caught there.
    messages = served(client.app, "POST", "/orders", order, lambda: list(module.SENT))
    return messages, list(module.SENT)


@checks.add(
    "POST /orders answers 201 with the order",
    passes_on_start="the handler works already; this check makes sure it still does",
)
def answers_201(client: Client) -> None:
    no_waiting(client)
    try:
        reply = client.post("/orders", json=ANN)
    except Exception as error:  # noqa: BLE001 - TestClient raises what a task raised
        raise app_raised(f"POST /orders {json.dumps(ANN)}", error) from None
    reply.expect(201, json=ANN)


@checks.add("the response goes out before the receipt is sent", needs=answers_201)
def sent_after_response(client: Client) -> None:
    messages, _ = serve(client, ANN)
    sent_before = [seen for kind, seen in messages if kind == "http.response.start"]
    if sent_before != [[]]:
        raise CheckFailed(
            request=f"POST /orders {json.dumps(ANN)}",
            expected="no receipt sent yet when the response starts",
            received=f"receipts already sent when it started: {sent_before}",
            nudge="where does the client stop waiting? a background task runs after that",
        )


@checks.add("each order gets one receipt, to its customer", needs=sent_after_response)
def one_receipt_per_order(client: Client) -> None:
    for order in (ANN, BOB):
        _, sent = serve(client, order)
        if sent != [receipt(order)]:
            raise CheckFailed(
                request=f"POST /orders {json.dumps(order)}",
                expected=f"once the app is done, exactly [{receipt(order)!r}]",
                received=f"{sent}",
                nudge="BackgroundTask(function, *arguments): in the order the function takes them",
            )
