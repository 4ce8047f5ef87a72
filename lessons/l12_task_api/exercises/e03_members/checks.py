"""Checks for lesson 12, exercise 3: members."""

import re

from lessons.kit import CheckFailed, Checks, Client, OfType, Reply

checks = Checks()

JOINED = OfType(str)
UTC_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")


def member(number: int, name: str, tier: str) -> dict[str, object]:
    return {"id": number, "name": name, "tier": tier, "joined_at": JOINED}


def expect_utc(reply: Reply) -> None:
    joined_at = str(reply.json().get("joined_at"))
    if not UTC_TIME.fullmatch(joined_at):
        raise reply.failure(
            "joined_at as an ISO time in UTC ending with Z",
            nudge="a datetime without a zone is written without one",
        )


@checks.add("POST /members creates a member: 201, id 1, tier basic, joined_at in UTC")
def creates_a_member(client: Client) -> None:
    reply = client.post("/members", json={"name": "Ada"})
    reply.expect(201, json=member(1, "Ada", "basic"), nudge="POST answers 201 by default")
    expect_utc(reply)


@checks.add("a second member gets id 2, and GET /members/2 reads it", needs=creates_a_member)
def reads_a_member(client: Client) -> None:
    client.post("/members", json={"name": "Ada"}).expect(201)
    client.post("/members", json={"name": "Grace", "tier": "gold"}).expect(
        201, json=member(2, "Grace", "gold")
    )
    client.get("/members/2").expect(200, json=member(2, "Grace", "gold"))
    client.get("/members/9").expect(404)


@checks.add("GET /members filters by tier, and lists everyone without it", needs=reads_a_member)
def filters_by_tier(client: Client) -> None:
    client.post("/members", json={"name": "Ada"}).expect(201)
    client.post("/members", json={"name": "Grace", "tier": "gold"}).expect(201)
    client.get("/members", params={"tier": "gold"}).expect(
        200, json=[member(2, "Grace", "gold")], nudge="does the handler read the query?"
    )
    client.get("/members").expect(200, json=[member(1, "Ada", "basic"), member(2, "Grace", "gold")])
    client.get("/members", params={"tier": "platinum"}).expect(
        400, nudge="type the filter with the allowed values"
    )


@checks.add("a bad body is a 400 that stores nothing and uses up no id", needs=creates_a_member)
def refuses_bad_bodies(client: Client) -> None:
    bad_bodies: list[dict[str, object]] = [
        {"name": "Ada", "tier": "platinum"},
        {"name": ""},
        {"name": "x" * 51},
        {"name": "Ada", "id": 7},
    ]
    for body in bad_bodies:
        client.post("/members", json=body).expect(
            400, nudge="the rules belong in the model, checked before the handler runs"
        )
    reply = client.post("/members", json={"name": "Ada"})
    if reply.status != 201 or reply.json().get("id") != 1:
        raise CheckFailed(
            request=reply.request,
            expected="201 with id 1: the refused bodies used up no id",
            received=reply.received(),
        )
