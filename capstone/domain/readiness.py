"""Readiness: the service can serve only when what it depends on answers."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from capstone.storage.database import DatabaseUnavailableError, check_database


class NotReadyError(Exception):
    """Something the service needs does not answer; the message says what."""


async def check_ready(engine: AsyncEngine) -> None:
    try:
        await check_database(engine)
    except DatabaseUnavailableError as error:
        # The driver's own error is the useful one to log (http/errors.py logs the cause).
        raise NotReadyError(str(error)) from error.__cause__
