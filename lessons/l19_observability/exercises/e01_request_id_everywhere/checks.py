"""Checks for lesson 19, exercise 1: the request id in every log line."""

from typing import Any

from lessons.kit import ANY, CheckFailed, Checks, Client, Reply
from lessons.l19_observability.exercises.capture import json_lines

checks = Checks()


def logged(
    client: Client, path: str, headers: dict[str, str]
) -> tuple[Reply, list[dict[str, Any]]]:
    with json_lines() as lines:
        reply = client.get(path, headers=headers)
    return reply, lines


def expect_ids(reply: Reply, lines: list[dict[str, Any]], request_id: str, nudge: str) -> None:
    received = [(line.get("event"), line.get("request_id")) for line in lines]
    events = [event for event, _ in received]
    if len(lines) < 3 or received != [(event, request_id) for event in events]:
        raise CheckFailed(
            request=reply.request,
            expected=(
                "3 log lines (HTTP Request, order_read, HTTP Response), "
                f"each with request_id={request_id!r}"
            ),
            received=f"(event, request_id) of each line: {received}",
            nudge=nudge,
        )


@checks.add(
    "GET /orders/1 (200) and GET /orders/9 (404) answer with an X-Request-ID header",
    passes_on_start="the middleware sets the header already; keep it",
)
def returns_the_id(client: Client) -> None:
    client.get("/orders/1").expect(
        200, json={"id": 1, "item": "teapot"}, headers={"x-request-id": ANY}
    )
    client.get("/orders/9").expect(404, headers={"x-request-id": ANY})


@checks.add(
    "every line GET /orders/1 logs carries the id of its X-Request-ID header", needs=returns_the_id
)
def every_line_has_it(client: Client) -> None:
    reply, lines = logged(client, "/orders/1", {})
    expect_ids(
        reply,
        lines,
        reply.headers["x-request-id"],
        nudge="bind the id around next_app, in the middleware: the access log runs inside it",
    )


@checks.add(
    "a sane X-Request-ID from a proxy is kept, in the header and in every line",
    needs=every_line_has_it,
)
def keeps_a_proxy_id(client: Client) -> None:
    reply, lines = logged(client, "/orders/2", {"X-Request-ID": "edge-77"})
    reply.expect(200, headers={"x-request-id": "edge-77"})
    expect_ids(reply, lines, "edge-77", nudge="bind the same request_id the header gets")


@checks.add(
    "an unsafe X-Request-ID is replaced, and never written to a log line",
    passes_on_start="nothing is logged with an id yet; keep the unsafe one out",
)
def replaces_an_unsafe_id(client: Client) -> None:
    unsafe = 'x" admin=true'
    reply, lines = logged(client, "/orders/1", {"X-Request-ID": unsafe})
    if reply.headers.get("x-request-id") == unsafe or any(unsafe in str(line) for line in lines):
        raise CheckFailed(
            request=reply.request,
            expected="a new id in the header and the lines, never the one sent",
            received=f"header {reply.headers.get('x-request-id')!r}, lines {lines}",
            nudge="bind request_id, the checked value, not what the client sent",
        )
