"""Ready or not: make /ready tell the balancer whether the depot can serve."""

from advanced_alchemy.extensions.litestar import SQLAlchemyAsyncConfig, SQLAlchemyPlugin
from litestar import Litestar, Response, get
from litestar.di import NamedDependency
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from lessons.l13_databases.database import close_engine

DATABASE_URL = "sqlite+aiosqlite:///:memory:"


@get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


@get("/ready")
async def ready(db_engine: NamedDependency[AsyncEngine]) -> Response[dict[str, str]]:
    try:
        async with db_engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError):
        # Caught, not raised: an error would be a 500, which says "bug", not "not yet".
        return Response({"status": "not ready"}, status_code=503, headers={"Retry-After": "5"})
    return Response({"status": "ready"})


def create_app(database_url: str = DATABASE_URL) -> Litestar:
    config = SQLAlchemyAsyncConfig(connection_string=database_url)
    return Litestar(
        route_handlers=[health, ready],
        plugins=[SQLAlchemyPlugin(config=config)],
        on_shutdown=[close_engine(config)],
    )


app = create_app()
