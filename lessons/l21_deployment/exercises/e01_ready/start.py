"""Ready or not: make /ready tell the balancer whether the depot can serve.

Your task (the contract is in task.md, or on the lesson page):
GET /ready answers 200 {"status": "ready"} while the database answers a query, and 503
{"status": "not ready"} with a Retry-After header while it does not. Leave /health alone.
"""

from advanced_alchemy.extensions.litestar import SQLAlchemyAsyncConfig, SQLAlchemyPlugin
from litestar import Litestar, Response, get
from litestar.di import NamedDependency
from sqlalchemy.ext.asyncio import AsyncEngine

from lessons.kit import NotDone
from lessons.l13_databases.database import close_engine

DATABASE_URL = "sqlite+aiosqlite:///:memory:"


@get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


@get("/ready")
async def ready(db_engine: NamedDependency[AsyncEngine]) -> Response[dict[str, str]]:
    # TODO: run SELECT 1 on a connection from db_engine. Answer 200 {"status": "ready"} when
    # it works, and 503 {"status": "not ready"} with Retry-After: 5 when it raises.
    raise NotDone("GET /ready does not check the database yet")


def create_app(database_url: str = DATABASE_URL) -> Litestar:
    config = SQLAlchemyAsyncConfig(connection_string=database_url)
    return Litestar(
        route_handlers=[health, ready],
        plugins=[SQLAlchemyPlugin(config=config)],
        on_shutdown=[close_engine(config)],
    )


app = create_app()
