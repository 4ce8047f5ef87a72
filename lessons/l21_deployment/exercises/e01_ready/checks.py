"""Checks for lesson 21, exercise 1: ready or not."""

import tempfile
from pathlib import Path

from lessons.kit import ANY, Checks, Client
from lessons.l21_deployment.exercises.support import client_for

checks = Checks()
DOWN = "with the database down, create_app(a SQLite file in a missing folder)"


def database_down() -> str:
    # SQLite cannot open a file in a folder that does not exist: a database that is down.
    folder = Path(tempfile.gettempdir()) / "lesson21-no-such-folder"
    return f"sqlite+aiosqlite:///{folder / 'depot.sqlite3'}"


@checks.add("GET /ready is 200 {'status': 'ready'} while the database answers")
def ready_while_the_database_answers(client: Client) -> None:
    client.get("/ready").expect(
        200, json_has={"status": "ready"}, nudge="a query on a connection from db_engine"
    )


@checks.add(
    "with the database down, GET /ready is 503 {'status': 'not ready'} with Retry-After",
    needs=ready_while_the_database_answers,
)
def not_ready_while_the_database_is_down(client: Client) -> None:
    with client_for(client.module.create_app(database_down()), DOWN) as down:
        down.get("/ready").expect(
            503,
            json_has={"status": "not ready"},
            headers={"retry-after": ANY},
            nudge="catch the database's error and answer it yourself: uncaught, it is a 500",
        )


@checks.add(
    "with the database down, GET /health is still 200",
    passes_on_start="what works must keep working: /health is already right",
)
def alive_while_the_database_is_down(client: Client) -> None:
    with client_for(client.module.create_app(database_down()), DOWN) as down:
        down.get("/health").expect(
            200, json={"status": "ok"}, nudge="liveness must not depend on the database"
        )
