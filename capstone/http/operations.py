"""Liveness and readiness, for load balancers and orchestrators."""

from __future__ import annotations

from litestar import get
from litestar.di import NamedDependency
from sqlalchemy.ext.asyncio import AsyncEngine

from capstone.domain.events import LiveEvents
from capstone.domain.readiness import check_ready
from capstone.http.openapi import RETRY_AFTER, documented
from capstone.http.schemas import errors


@get(
    "/health",
    summary="The process is up",
    tags=["operations"],
    operation_id="health",
    responses=errors(database=False),
    operation_class=documented(public=True),
)
async def health() -> dict[str, str]:
    return {"status": "ok"}


@get(
    "/ready",
    summary="The process can serve: the database takes writes and Redis answers",
    tags=["operations"],
    operation_id="ready",
    responses=errors(),  # 503 when it is not ready
    operation_class=documented(public=True, headers={503: RETRY_AFTER}),
)
async def ready(
    db_engine: NamedDependency[AsyncEngine], channels: NamedDependency[LiveEvents]
) -> dict[str, str]:
    await check_ready(db_engine, channels)  # NotReadyError: 503 (http/errors.py)
    return {"status": "ready"}
