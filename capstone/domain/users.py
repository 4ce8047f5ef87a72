"""Accounts: registration and password checks. Passwords are kept only as argon2 hashes."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import anyio
import anyio.to_thread
from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from capstone.storage.models import User

T = TypeVar("T")

# What the layers above may use; they know the User model from here, not from storage.
__all__ = [
    "PASSWORD_HASHER",
    "Accounts",
    "PasswordChecksBusyError",
    "SignedIn",
    "User",
    "UsernameTakenError",
    "WrongCredentialsError",
]


@dataclass(frozen=True, slots=True)
class SignedIn:
    """Who a request is from, as its token says: `request.user` on every route."""

    id: int


class UsernameTakenError(Exception):
    pass


class WrongCredentialsError(Exception):
    """Unknown user or wrong password: deliberately the same error for both."""


class PasswordChecksBusyError(Exception):
    """Too many logins and registrations are already waiting for a password check."""


# --8<-- [start:bounded-hashing]
# Each argon2 hash or check takes its memory (64 MiB) and a core for a good part of a
# second. At most this many run at once in a process, and at most WAITING wait for their
# turn; the next is refused (503) at once instead of queueing without end.
CONCURRENT_CHECKS = 2
WAITING = 16
# One limiter per event loop (a process serves from one): a limiter outliving its loop
# would keep the places of checks that loop never finished, and soon have none left.
_CHECKS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, anyio.CapacityLimiter] = (
    weakref.WeakKeyDictionary()
)


async def _in_turn(work: Callable[..., T], *args: str) -> T:
    loop = asyncio.get_running_loop()
    checks = _CHECKS.setdefault(loop, anyio.CapacityLimiter(CONCURRENT_CHECKS))
    if checks.statistics().tasks_waiting >= WAITING:
        raise PasswordChecksBusyError
    return await anyio.to_thread.run_sync(work, *args, limiter=checks)
    # --8<-- [end:bounded-hashing]


# argon2's defaults are meant for servers: tens of milliseconds and 64 MiB per hash.
PASSWORD_HASHER = PasswordHasher()
# A hash of a password nobody has: checking against it costs as much as a real check,
# so "no such user" takes as long to answer as "wrong password".
_DUMMY_HASH = PASSWORD_HASHER.hash("not-a-real-password")


class Accounts:
    def __init__(self, session: AsyncSession, hasher: PasswordHasher | None = None) -> None:
        self.session = session
        self.hasher = hasher or PASSWORD_HASHER

    async def register(self, username: str, password: str) -> User:
        # Hashing is slow on purpose; do it off the event loop.
        password_hash = await _in_turn(self.hasher.hash, password)
        user = User(username=username, password_hash=password_hash)
        self.session.add(user)
        try:
            await self.session.flush()
        except IntegrityError:
            await self.session.rollback()
            raise UsernameTakenError(f"The username {username!r} is taken") from None
        return user

    async def get(self, user_id: int) -> User | None:
        """The account with this id, if it (still) exists."""
        return await self.session.get(User, user_id)

    async def authenticate(self, username: str, password: str) -> User:
        user = await self.session.scalar(select(User).where(User.username == username))
        if user is not None:
            self.session.expunge(user)  # loaded, and readable without the session
        # Give the connection back before the slow check: a crowd of logins waiting for
        # their turn must not hold every pooled connection (everyone else would wait 30 s).
        await self.session.rollback()
        stored = user.password_hash if user is not None else _DUMMY_HASH
        try:
            await _in_turn(self.hasher.verify, stored, password)
        except VerificationError:
            raise WrongCredentialsError from None
        if user is None:
            raise WrongCredentialsError
        return user
