"""Checks for lesson 07, exercise 1: a timing middleware."""

from lessons.kit import Checks, Client, Reply

checks = Checks()

HEADER = "X-Process-Time-Ms"


def milliseconds(reply: Reply) -> float:
    """The header's value as a number of milliseconds; anything else fails the check."""
    value = reply.headers.get(HEADER)
    try:
        return float(value or "")
    except ValueError:
        raise reply.failure(
            f"a header {HEADER} holding a number of milliseconds",
            nudge="is the header added to the http.response.start message, before send()?",
        ) from None


@checks.add("GET /orders answers as before, with an X-Process-Time-Ms header")
def orders_are_timed(client: Client) -> None:
    milliseconds(client.get("/orders").expect(200, json=[{"id": 1, "item": "tea"}]))


@checks.add("GET /report, which takes 50 ms, reports at least 50 ms", needs=orders_are_timed)
def counts_milliseconds(client: Client) -> None:
    reply = client.get("/report").expect(200, json={"report": "ready"})
    elapsed = milliseconds(reply)
    if not 50 <= elapsed < 5000:  # the handler sleeps 50 ms
        raise reply.failure(
            f"a {HEADER} of at least 50 (milliseconds, not seconds)",
            nudge="start the clock before next_app and read it when the response starts",
        )


@checks.add("GET /health, which opts out, has no X-Process-Time-Ms header")
def health_opts_out(client: Client) -> None:
    client.get("/health").expect(200, json={"status": "ok"})
    reply = client.get("/health")
    if HEADER in reply.headers:
        raise reply.failure(
            f"no {HEADER} header", nudge="which class attribute reads a key of a handler's opt?"
        )
