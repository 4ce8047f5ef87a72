"""Checks for lesson 01, exercise 3: opening hours."""

from lessons.kit import Checks, Client

checks = Checks()


@checks.add("GET /hours answers 200")
def hours_are_routed(client: Client) -> None:
    client.get("/hours").expect(
        200,
        nudge="a 404 means no handler answers GET /hours: is it in route_handlers? "
        "A 405 means the path exists, but for another method.",
    )


@checks.add(
    'GET /hours answers {"opens": "09:00", "closes": "18:00"}',
    needs=hours_are_routed,
)
def hours_are_the_contract(client: Client) -> None:
    client.get("/hours").expect(
        200,
        json={"opens": "09:00", "closes": "18:00"},
        nudge="the body is one JSON object with exactly two keys, each hour a string",
    )


@checks.add("the API documentation lists GET /hours under the tag shop", needs=hours_are_routed)
def hours_are_tagged(client: Client) -> None:
    client.get("/schema/openapi.json").expect(
        200,
        json_has={"paths": {"/hours": {"get": {"tags": ["shop"]}}}},
        nudge="the decorator decides which group an operation is listed in",
    )


@checks.add(
    "GET /health still answers 200 with its status",
    passes_on_start="the health check is already there; this check makes sure it stays",
)
def health_still_works(client: Client) -> None:
    client.get("/health").expect(200, json={"status": "ok"})
