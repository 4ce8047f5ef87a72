"""Migrations as their own step: the new version is ready only once its schema is there."""

# --8<-- [start:app]
from pathlib import Path

from advanced_alchemy.extensions.litestar import (
    AlembicAsyncConfig,
    SQLAlchemyAsyncConfig,
    SQLAlchemyPlugin,
)
from alembic.script import ScriptDirectory
from litestar import Litestar, Response, get
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath
from sqlalchemy import inspect, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from lessons.l13_databases.database import close_engine
from lessons.l21_deployment.models import Parcel
from lessons.l21_deployment.step05_probes import DATABASE_URL, NOT_READY, RETRY_AFTER, health

MIGRATIONS = Path(__file__).parent / "migrations"
# The newest migration this code ships: the schema it was written against.
HEAD = ScriptDirectory(str(MIGRATIONS)).get_current_head()


def database_config(database_url: str = DATABASE_URL) -> SQLAlchemyAsyncConfig:
    return SQLAlchemyAsyncConfig(
        connection_string=database_url,
        # Never create_all, and no migration at start-up: `litestar database upgrade`
        # runs once, before the new version starts (see the page for why).
        create_all=False,
        alembic_config=AlembicAsyncConfig(script_location=str(MIGRATIONS)),
    )


def revision_of(connection: Connection) -> str | None:
    # What alembic_version says; None when no migration ever ran on this database. (Alembic's
    # MigrationContext would tell too, but logs two INFO lines per call: per probe.)
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


@get("/ready")
async def ready(db_engine: NamedDependency[AsyncEngine]) -> Response[dict[str, str]]:
    try:
        async with db_engine.connect() as connection:
            revision = await connection.run_sync(revision_of)
    except (SQLAlchemyError, OSError):
        body = {"status": "not ready", "reason": "the database does not answer"}
        return Response(body, status_code=NOT_READY, headers=RETRY_AFTER)
    if revision != HEAD:
        body = {"status": "not ready", "reason": f"schema at {revision}, this code needs {HEAD}"}
        return Response(body, status_code=NOT_READY, headers=RETRY_AFTER)
    return Response({"status": "ready"})


@get("/parcels/{tracking_code:str}")
async def track(
    tracking_code: FromPath[str], db_session: NamedDependency[AsyncSession]
) -> dict[str, str]:
    parcel = await db_session.scalar(select(Parcel).where(Parcel.tracking_code == tracking_code))
    if parcel is None:
        raise NotFoundException(f"no parcel {tracking_code}")
    return {"tracking_code": parcel.tracking_code, "status": parcel.status}


def create_app(database_url: str = DATABASE_URL) -> Litestar:
    config = database_config(database_url)
    return Litestar(
        route_handlers=[health, ready, track],
        plugins=[SQLAlchemyPlugin(config=config)],
        on_shutdown=[close_engine(config)],
    )


app = create_app()
# --8<-- [end:app]
