import pytest
from argon2 import PasswordHasher

from lessons.l15_auth.accounts import USERS

# Tests only: the weakest parameters argon2 accepts, so each hash takes microseconds.
# The lesson's own store keeps the library's (slow, safe) defaults.
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(autouse=True)
def fresh_users(monkeypatch: pytest.MonkeyPatch) -> None:
    """Give every test an empty user store with a cheap hasher, whatever the last test did."""
    monkeypatch.setattr(USERS, "users", {})
    monkeypatch.setattr(USERS, "hasher", CHEAP_HASHER)
    monkeypatch.delenv("LESSON15_JWT_SECRET", raising=False)
    monkeypatch.delenv("LESSON15_ADMIN_PASSWORD", raising=False)
