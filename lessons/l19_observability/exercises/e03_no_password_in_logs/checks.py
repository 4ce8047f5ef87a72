"""Checks for lesson 19, exercise 3: a sign-up that logs no secret."""

from typing import Any

from lessons.kit import CheckFailed, Checks, Client, Reply
from lessons.l19_observability.exercises.capture import json_lines

checks = Checks()
PASSWORD = "tr0ub4dor&3-exercise"  # noqa: S105 - a check's sample, to look for in the log
INVITE = "inv-5e1f2a"
SIGN_UP = {"email": "ada@example.com", "password": PASSWORD}


def sign_up(client: Client, path: str = "/signup") -> tuple[Reply, list[dict[str, Any]]]:
    with json_lines() as lines:
        reply = client.post(path, json=SIGN_UP)
    return reply, lines


def refuse_secret(reply: Reply, lines: list[dict[str, Any]], secret: str, nudge: str) -> None:
    leaking = [line for line in lines if secret in str(line)]
    if leaking:
        raise CheckFailed(
            request=reply.request,
            expected=f"no log line containing {secret!r}",
            received=f"{len(leaking)} such line(s), the first: {leaking[0]}",
            nudge=nudge,
        )


@checks.add('POST /signup answers 201 with {"email": ...}')
def signs_up(client: Client) -> None:
    client.post("/signup", json=SIGN_UP).expect(201, json={"email": "ada@example.com"})


def expect_events(
    reply: Reply, lines: list[dict[str, Any]], found: bool, wanted: str, nudge: str
) -> None:
    if not found:
        raise CheckFailed(
            request=reply.request,
            expected=wanted,
            received=f"the events logged: {[line.get('event') for line in lines]}",
            nudge=nudge,
        )


@checks.add('POST /signup logs a "signup" line with the email', needs=signs_up)
def logs_the_signup(client: Client) -> None:
    reply, lines = sign_up(client)
    found = any(
        line.get("event") == "signup" and line.get("email") == SIGN_UP["email"] for line in lines
    )
    wanted = 'a line {"event": "signup", "email": "ada@example.com", ...}'
    expect_events(reply, lines, found, wanted, "logger.info(event, key=value) makes such a line")


@checks.add("the access log still writes the request and the response", needs=signs_up)
def access_log_kept(client: Client) -> None:
    reply, lines = sign_up(client)
    events = {line.get("event") for line in lines}
    expect_events(
        reply,
        lines,
        {"HTTP Request", "HTTP Response"} <= events,
        "an HTTP Request and an HTTP Response line, as the plugin writes them",
        nudge="choose the access log's fields; do not switch the access log off",
    )


@checks.add("the password reaches no log line", needs=signs_up)
def no_password(client: Client) -> None:
    reply, lines = sign_up(client)
    refuse_secret(
        reply, lines, PASSWORD, nudge="which request fields does the access log write by default?"
    )


@checks.add("an invite token in the query string reaches no log line", needs=signs_up)
def no_query_token(client: Client) -> None:
    reply, lines = sign_up(client, f"/signup?invite={INVITE}")
    refuse_secret(
        reply,
        lines,
        INVITE,
        nudge="the path field is the path alone; another field holds the query",
    )
