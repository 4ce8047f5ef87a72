"""Step 01: register and log in; argon2 hashes, never shown; every bad body is a 400."""

import hashlib
import threading
from typing import Literal

import pytest
from argon2 import PasswordHasher, Type, profiles
from litestar.testing import TestClient

from lessons.l15_auth.accounts import USERS, UserStore
from lessons.l15_auth.step01_passwords import app
from tests.lessons.l15_auth.conftest import CHEAP_HASHER
from tests.lessons.l15_auth.support import PASSWORD, record_exchange
from tests.transcripts import MakeTranscript


def test_register_then_log_in(transcript: MakeTranscript) -> None:
    record = transcript("l15_auth/register-login")
    with TestClient(app) as client:
        created = record_exchange(
            record, client.post("/register", json={"username": "alice", "password": PASSWORD})
        )
        logged_in = record_exchange(
            record, client.post("/login", json={"username": "alice", "password": PASSWORD})
        )

    assert created.status_code == 201
    assert created.json() == {"username": "alice", "roles": ["member"]}
    assert logged_in.status_code == 200
    assert logged_in.json() == {"username": "alice", "roles": ["member"]}


def test_the_store_keeps_an_argon2id_hash_and_no_response_shows_it() -> None:
    with TestClient(app) as client:
        created = client.post("/register", json={"username": "alice", "password": PASSWORD})
        logged_in = client.post("/login", json={"username": "alice", "password": PASSWORD})

    stored = USERS.users["alice"].password_hash
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    for response in (created, logged_in):
        assert PASSWORD not in response.text
        assert "argon2" not in response.text
        assert "hash" not in response.text


def test_a_taken_username_is_409_and_keeps_the_first_account(transcript: MakeTranscript) -> None:
    record = transcript("l15_auth/register-taken")
    with TestClient(app) as client:
        record_exchange(
            record, client.post("/register", json={"username": "alice", "password": PASSWORD})
        )
        taken = record_exchange(
            record,
            client.post(
                "/register", json={"username": "alice", "password": "another long password"}
            ),
        )
        original = client.post("/login", json={"username": "alice", "password": PASSWORD})

    assert taken.status_code == 409
    assert taken.json() == {"status_code": 409, "detail": "Username 'alice' is taken"}
    assert original.status_code == 200


@pytest.mark.parametrize(
    ("body", "key", "message"),
    [
        ({"username": "alice", "password": "short"}, "password", "Expected `str` of length >= 12"),
        ({"username": "alice", "password": ""}, "password", "Expected `str` of length >= 12"),
        (
            {"username": "alice", "password": "x" * 129},
            "password",
            "Expected `str` of length <= 128",
        ),
        (
            {"username": "a" * 33, "password": PASSWORD},
            "username",
            "Expected `str` of length <= 32",
        ),
        ({"username": "al", "password": PASSWORD}, "username", "Expected `str` of length >= 3"),
        (
            {"username": "Alice!", "password": PASSWORD},
            "username",
            "Expected `str` matching regex '^[a-z0-9_]+$'",
        ),
        ({"username": "alice"}, "data", "Object missing required field `password`"),
        ({"username": 42, "password": PASSWORD}, "username", "Expected `str`, got `int`"),
        (
            {"username": "alice", "password": PASSWORD, "roles": ["admin"]},
            "data",
            "Object contains unknown field `roles`",
        ),
    ],
)
def test_bad_registrations_are_400_and_store_nothing(
    body: dict[str, object], key: str, message: str
) -> None:
    with TestClient(app) as client:
        response = client.post("/register", json=body)

    assert response.status_code == 400
    assert response.json()["extra"] == [{"message": message, "key": key, "source": "body"}]
    assert USERS.users == {}


def test_registration_rejections_transcript(transcript: MakeTranscript) -> None:
    record = transcript("l15_auth/register-rejected")
    with TestClient(app) as client:
        record_exchange(
            record, client.post("/register", json={"username": "alice", "password": "hunter2"})
        )
        record_exchange(
            record,
            client.post(
                "/register", json={"username": "mallory", "password": PASSWORD, "roles": ["admin"]}
            ),
        )


@pytest.mark.parametrize(
    "body",
    [
        {"username": "alice"},
        {"username": "alice", "password": ""},
        {"username": "a" * 33, "password": PASSWORD},
        {"username": "alice", "password": PASSWORD, "remember_me": True},
        {"username": ["alice"], "password": PASSWORD},
    ],
)
def test_bad_login_bodies_are_400(body: dict[str, object]) -> None:
    with TestClient(app) as client:
        response = client.post("/login", json=body)

    assert response.status_code == 400
    assert response.json()["detail"] == "Validation failed for POST /login"


def test_wrong_password_and_unknown_user_get_the_same_401(transcript: MakeTranscript) -> None:
    record = transcript("l15_auth/login-rejected")
    with TestClient(app) as client:
        record_exchange(
            record, client.post("/register", json={"username": "alice", "password": PASSWORD})
        )
        wrong_password = record_exchange(
            record, client.post("/login", json={"username": "alice", "password": "not my password"})
        )
        unknown_user = record_exchange(
            record,
            client.post("/login", json={"username": "nobody", "password": "not my password"}),
        )

    assert wrong_password.status_code == unknown_user.status_code == 401
    assert wrong_password.json() == unknown_user.json()
    assert unknown_user.json() == {"status_code": 401, "detail": "Invalid username or password"}


class RecordingHasher(PasswordHasher):
    """The cheap hasher, noting which thread each hash and verify ran in."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=8, parallelism=1)
        self.threads: list[str] = []

    def hash(self, password: str | bytes, *, salt: bytes | None = None) -> str:
        self.threads.append(threading.current_thread().name)
        return super().hash(password, salt=salt)

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
        self.threads.append(threading.current_thread().name)
        return super().verify(hash, password)


def test_hashing_runs_in_a_worker_thread_not_on_the_event_loop() -> None:
    hasher = RecordingHasher()
    USERS.hasher = hasher
    with TestClient(app) as client:
        client.post("/register", json={"username": "alice", "password": PASSWORD})
        client.post("/login", json={"username": "alice", "password": PASSWORD})
        client.post("/login", json={"username": "nobody", "password": PASSWORD})

    # register hashes, login verifies, the unknown name hashes: all three off the loop.
    assert hasher.threads == ["AnyIO worker thread"] * 3


def test_the_lessons_default_hasher_uses_argon2s_defaults_not_the_tests_cheap_ones() -> None:
    default = UserStore().hasher
    low_memory = profiles.RFC_9106_LOW_MEMORY

    # argon2-cffi's defaults are RFC 9106's low-memory profile: 3 passes over 64 MiB.
    assert (default.time_cost, default.memory_cost, default.parallelism) == (
        low_memory.time_cost,
        low_memory.memory_cost,
        low_memory.parallelism,
    )
    assert default.type is Type.ID
    assert default.memory_cost == 64 * 1024  # KiB
    assert default.memory_cost > CHEAP_HASHER.memory_cost


def test_a_hash_made_with_old_parameters_is_upgraded_at_login() -> None:
    with TestClient(app) as client:
        client.post("/register", json={"username": "alice", "password": PASSWORD})
        old_hash = USERS.users["alice"].password_hash
        USERS.hasher = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1)  # stronger now
        client.post("/login", json={"username": "alice", "password": PASSWORD})
        new_hash = USERS.users["alice"].password_hash
        again = client.post("/login", json={"username": "alice", "password": PASSWORD})

    assert "m=8,t=1,p=1" in old_hash
    assert "m=16,t=2,p=1" in new_hash
    assert again.status_code == 200


def test_a_wrong_password_does_not_rehash() -> None:
    with TestClient(app) as client:
        client.post("/register", json={"username": "alice", "password": PASSWORD})
        old_hash = USERS.users["alice"].password_hash
        USERS.hasher = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1)
        client.post("/login", json={"username": "alice", "password": "not my password"})

    assert USERS.users["alice"].password_hash == old_hash


# --8<-- [start:pitfall]
def test_hashes_cannot_be_compared_with_equals_verify_them() -> None:
    hasher = CHEAP_HASHER
    stored = hasher.hash(PASSWORD)
    # A new salt every time: `hasher.hash(password) == stored` would reject everyone.
    assert hasher.hash(PASSWORD) != stored
    # verify() reads the salt and the parameters out of the stored hash.
    assert hasher.verify(stored, PASSWORD) is True


def test_a_fast_digest_gives_equal_passwords_equal_digests() -> None:
    # No salt: a stolen table shows who shares a password, and guesses are cheap.
    assert hashlib.sha256(PASSWORD.encode()).digest() == hashlib.sha256(PASSWORD.encode()).digest()


# --8<-- [end:pitfall]
