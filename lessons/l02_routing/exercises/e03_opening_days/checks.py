"""Checks for lesson 02, exercise 3: opening days."""

from lessons.kit import Checks, Client

checks = Checks()


@checks.add("GET /calendar/2026-12-01 is an open Tuesday")
def open_day(client: Client) -> None:
    client.get("/calendar/2026-12-01").expect(
        200,
        json={"day": "2026-12-01", "weekday": "Tuesday", "open": True},
        nudge="a 404 means no route matches: is the handler served, with the date in its path?",
    )


@checks.add("GET /calendar/2026-12-06 is a closed Sunday", needs=open_day)
def closed_day(client: Client) -> None:
    client.get("/calendar/2026-12-06").expect(
        200,
        json={"day": "2026-12-06", "weekday": "Sunday", "open": False},
        nudge="the answer depends on the date in the path",
    )


@checks.add("another year's dates have their own weekdays", needs=open_day)
def any_date(client: Client) -> None:
    client.get("/calendar/2030-01-07").expect(
        200, json={"day": "2030-01-07", "weekday": "Monday", "open": True}
    )


@checks.add("GET /calendar/2026-02-30 and /calendar/tomorrow answer 404", needs=open_day)
def not_a_date(client: Client) -> None:
    for day in ("2026-02-30", "tomorrow"):
        client.get(f"/calendar/{day}").expect(
            404,
            nudge="a 500 or a 400 means the handler got text it could not use: let the router "
            "parse the date",
        )
