"""Readiness: the service can serve only when what it depends on answers."""

from __future__ import annotations

import anyio
from sqlalchemy.ext.asyncio import AsyncEngine

from capstone.storage.channels import LiveEvents
from capstone.storage.database import DatabaseUnavailableError, check_database

CHECK_SECONDS = 2.0  # a dependency slower than this to answer is not ready either


class NotReadyError(Exception):
    """Something the service needs does not answer; the message says what."""


async def check_ready(engine: AsyncEngine, events: LiveEvents) -> None:
    try:
        await check_database(engine)
    except DatabaseUnavailableError as error:
        # The driver's own error is the useful one to log (http/errors.py logs the cause).
        raise NotReadyError(str(error)) from error.__cause__
    try:
        with anyio.fail_after(CHECK_SECONDS):
            await events.events.check()
    except Exception as error:  # timeout or Redis: not ready either way
        raise NotReadyError("Redis does not answer: live events are paused") from error
