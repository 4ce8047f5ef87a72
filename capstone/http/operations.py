"""Liveness and readiness, for load balancers and orchestrators."""

from __future__ import annotations

import logging

import anyio
from litestar import get
from litestar.di import NamedDependency
from litestar.exceptions import ServiceUnavailableException
from sqlalchemy.ext.asyncio import AsyncEngine

from capstone.domain.readiness import check_ready
from capstone.http.live import LiveEvents
from capstone.http.schemas import errors

logger = logging.getLogger("capstone")
CHECK_SECONDS = 2.0  # a dependency slower than this to answer is not ready either


@get("/health", summary="The process is up", tags=["operations"])
async def health() -> dict[str, str]:
    return {"status": "ok"}


@get(
    "/ready",
    summary="The process can serve: the database takes writes and Redis answers",
    tags=["operations"],
    responses=errors(503),
)
async def ready(
    db_engine: NamedDependency[AsyncEngine], channels: NamedDependency[LiveEvents]
) -> dict[str, str]:
    await check_ready(db_engine)  # NotReadyError: 503 (http/errors.py)
    try:
        with anyio.fail_after(CHECK_SECONDS):
            await channels.events.check()
    except Exception as error:  # noqa: BLE001 - timeout or Redis: not ready either way
        logger.warning("readiness check failed: Redis: %s", error or type(error).__name__)
        raise ServiceUnavailableException(
            "Redis does not answer: live events are paused", headers={"Retry-After": "5"}
        ) from None
    return {"status": "ready"}
