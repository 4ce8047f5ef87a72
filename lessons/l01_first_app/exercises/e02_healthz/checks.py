"""Checks for lesson 01, exercise 2: move the health check."""

from lessons.kit import Checks, Client

checks = Checks()


@checks.add('GET /healthz answers 200 with {"status": "ok", "service": "bookshop"}')
def healthz(client: Client) -> None:
    client.get("/healthz").expect(
        200,
        json={"status": "ok", "service": "bookshop"},
        nudge="a 404 means nothing answers /healthz yet: the path is in the decorator",
    )


@checks.add("GET /health answers 404: the old path is gone", needs=healthz)
def old_path_gone(client: Client) -> None:
    client.get("/health").expect(404, nudge="is a handler still answering the old path?")


@checks.add(
    "GET / still says hello",
    passes_on_start="the greeting is already there; this check makes sure it stays",
)
def hello_still_works(client: Client) -> None:
    client.get("/").expect(200, json={"message": "Hello, Litestar!"})
