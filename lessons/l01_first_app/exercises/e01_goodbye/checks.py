"""Checks for lesson 01, exercise 1: say goodbye."""

from lessons.kit import Checks, Client

checks = Checks()


@checks.add("GET /goodbye answers 200")
def goodbye_is_routed(client: Client) -> None:
    client.get("/goodbye").expect(
        200,
        nudge="a 404 means the app has no such route: is the handler in route_handlers? "
        "A 405 means the path exists for another HTTP method.",
    )


@checks.add(
    'GET /goodbye answers the JSON object {"message": "Goodbye, Litestar!"}',
    needs=goodbye_is_routed,
)
def goodbye_says_goodbye(client: Client) -> None:
    reply = client.get("/goodbye")
    reply.expect(
        200,
        json={"message": "Goodbye, Litestar!"},
        nudge="a handler that returns a str sends text, not JSON: return a dict",
    )


@checks.add(
    "GET / still says hello",
    passes_on_start="the greeting is already there; this check makes sure it stays",
)
def hello_still_works(client: Client) -> None:
    client.get("/").expect(200, json={"message": "Hello, Litestar!"})
