"""Checks for lesson 20, exercise 2: validate the import. No check times anything."""

from lessons.kit import Checks, Client

checks = Checks()

GOOD = [
    {"id": 1, "title": "Plan the release", "priority": "high", "due": "2026-03-01T09:00:00+01:00"},
    {"id": 2, "title": "Write the notes", "priority": "low", "due": "2026-03-02T17:30:00Z"},
]


def bad(**change: object) -> list[dict[str, object]]:
    """The good body with one value of its second task changed."""
    return [GOOD[0], {**GOOD[1], **change}]


def refused(client: Client, body: list[dict[str, object]], nudge: str) -> None:
    client.post("/tasks/import", json=body).expect(400, nudge=nudge)
    client.get("/tasks").expect(
        200, json=[], nudge="a refused import must store nothing, not even its good tasks"
    )


@checks.add(
    "a good import is 201 and both tasks are listed",
    passes_on_start="the start stores good data already; this check keeps it so",
)
def good_import(client: Client) -> None:
    client.post("/tasks/import", json=GOOD).expect(201, json={"imported": 2})
    client.get("/tasks").expect(200, json=GOOD, nudge="store every task of a good import")


@checks.add("an unknown priority is a 400, and nothing is stored")
def unknown_priority(client: Client) -> None:
    refused(client, bad(priority="urgent"), "the priority must be one the enum knows")


@checks.add("an id that is not a number is a 400, and nothing is stored")
def string_id(client: Client) -> None:
    refused(client, bad(id="two"), "a typed body is validated before the handler runs")


@checks.add("a time without an offset is a 400, and nothing is stored")
def naive_time(client: Client) -> None:
    refused(
        client,
        bad(due="2026-03-02T17:30:00"),
        "a plain datetime accepts a time with no offset: msgspec.Meta can refuse it",
    )


@checks.add("a body that is not a list of objects is a 400, not a 500")
def not_a_list(client: Client) -> None:
    client.post("/tasks/import", json={"id": 1}).expect(
        400, nudge="let Litestar decode the body: a crash while decoding is a 500"
    )
