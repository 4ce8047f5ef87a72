"""Liveness and readiness: /health says the process runs, /ready that it can serve."""

# --8<-- [start:app]
from advanced_alchemy.extensions.litestar import SQLAlchemyAsyncConfig, SQLAlchemyPlugin
from litestar import Litestar, Response, get
from litestar.di import NamedDependency
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from lessons.l13_databases.database import close_engine
from lessons.l21_deployment.step01_settings import load_settings

NOT_READY = 503
RETRY_AFTER = {"Retry-After": "5"}  # seconds: when a client (or a balancer) may ask again
DATABASE_URL = load_settings().database_url  # PARCELS_DATABASE_URL, from step 1


@get("/health")
async def health() -> dict[str, str]:
    # Liveness: touch nothing else. A database outage must not make the orchestrator
    # restart every process, which would not bring the database back.
    return {"status": "ok"}


@get("/ready")
async def ready(db_engine: NamedDependency[AsyncEngine]) -> Response[dict[str, str]]:
    # Readiness: can this process serve a request right now? When not, the balancer sends
    # traffic elsewhere until it is; nothing is restarted.
    try:
        async with db_engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError):
        body = {"status": "not ready", "reason": "the database does not answer"}
        return Response(body, status_code=NOT_READY, headers=RETRY_AFTER)
    return Response({"status": "ready"})


def create_app(database_url: str = DATABASE_URL) -> Litestar:
    config = SQLAlchemyAsyncConfig(connection_string=database_url)
    return Litestar(
        route_handlers=[health, ready],
        plugins=[SQLAlchemyPlugin(config=config)],
        on_shutdown=[close_engine(config)],
    )


app = create_app()
# --8<-- [end:app]
