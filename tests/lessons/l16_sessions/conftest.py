import random

import pytest
from argon2 import PasswordHasher
from litestar.middleware import csrf
from litestar.middleware.session.server_side import ServerSideSessionBackend

from lessons.l15_auth.accounts import USERS
from lessons.l16_sessions import step04_csrf

# Tests only: the weakest parameters argon2 accepts, as lesson 15's tests use.
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(autouse=True)
def fresh_state(monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty user store with a cheap hasher, no loans, and repeatable random ids."""
    monkeypatch.setattr(USERS, "users", {})
    monkeypatch.setattr(USERS, "hasher", CHEAP_HASHER)
    monkeypatch.setattr(step04_csrf, "LOANS", {})
    for name in ("LESSON15_JWT_SECRET", "LESSON16_CSRF_SECRET", "LESSON16_REDIS_URL"):
        monkeypatch.delenv(name, raising=False)
    # Session ids and CSRF tokens as random as ever, but the same in every run, so that
    # a transcript can show them. Only the source of randomness changes, not the code.
    ids = random.Random(16)  # noqa: S311 - repeatable on purpose, tests only

    def session_id(self: ServerSideSessionBackend) -> str:
        return ids.randbytes(self.config.session_id_bytes).hex()

    def csrf_token(secret: str) -> str:
        token = ids.randbytes(csrf.CSRF_SECRET_BYTES).hex()
        return token + csrf.generate_csrf_hash(token=token, secret=secret)

    monkeypatch.setattr(ServerSideSessionBackend, "generate_session_id", session_id)
    monkeypatch.setattr(csrf, "generate_csrf_token", csrf_token)
