"""Step 05: /health answers while the process runs; /ready only while the database answers."""

import inspect

from advanced_alchemy.extensions.litestar import SQLAlchemyAsyncConfig, SQLAlchemyPlugin
from litestar import Litestar, Response, get
from litestar.di import NamedDependency
from litestar.testing import TestClient
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from lessons.l21_deployment.step05_probes import create_app, health
from tests.transcripts import MakeTranscript


def test_both_probes_pass_while_the_database_answers(
    database_url: str, transcript: MakeTranscript
) -> None:
    record = transcript("l21_deployment/probes")
    with TestClient(create_app(database_url)) as client:
        alive = record(client.get("/health"))
        ready = record(client.get("/ready"))

    assert alive.json() == {"status": "ok"}
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready"}


def test_without_the_database_the_process_is_alive_but_not_ready(
    unreachable_url: str, transcript: MakeTranscript
) -> None:
    record = transcript("l21_deployment/probes-database-down")
    with TestClient(create_app(unreachable_url)) as client:
        alive = record(client.get("/health"))
        ready = record(client.get("/ready"), headers=("retry-after",))

    assert alive.status_code == 200
    assert ready.status_code == 503
    assert ready.headers["retry-after"] == "5"
    assert ready.json() == {"status": "not ready", "reason": "the database does not answer"}


# --8<-- [start:pitfall]
@get("/health")
async def health_that_checks_the_database(
    db_engine: NamedDependency[AsyncEngine],
) -> Response[dict[str, str]]:
    try:
        async with db_engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError):
        return Response({"status": "down"}, status_code=503)
    return Response({"status": "ok"})


def test_a_liveness_probe_that_checks_the_database_fails_with_it(unreachable_url: str) -> None:
    config = SQLAlchemyAsyncConfig(connection_string=unreachable_url)
    mistaken = Litestar([health_that_checks_the_database], plugins=[SQLAlchemyPlugin(config)])
    with TestClient(mistaken) as client:
        response = client.get("/health")

    # An orchestrator restarts a process whose liveness probe fails: every replica at once,
    # and the restarted ones fail the same way until the database is back.
    assert response.status_code == 503


# --8<-- [end:pitfall]


def test_health_asks_for_nothing_at_all() -> None:
    assert inspect.signature(health.fn).parameters == {}
