"""Accounts and tokens: register, log in, /me, and what a bad token gets."""

from collections.abc import Iterator

import jwt
import pytest
from advanced_alchemy.extensions.litestar import SQLAlchemyPlugin
from litestar import Litestar
from litestar.testing import TestClient
from sqlalchemy import event
from sqlalchemy.orm import Session

from tests.capstone.conftest import TEST_SECRET, sign_up, signed
from tests.transcripts import MakeTranscript

Client = TestClient[Litestar]


@pytest.mark.usefixtures("frozen_clock")
def test_register_log_in_and_read_me(client: Client, transcript: MakeTranscript) -> None:
    record = transcript("capstone/sign-up")
    registered = record(
        client.post("/auth/register", json={"username": "ada", "password": "correct horse"})
    )
    token = client.post("/auth/login", json={"username": "ada", "password": "correct horse"})
    me = client.get("/me", headers={"Authorization": f"Bearer {token.json()['access_token']}"})

    assert registered.status_code == 201
    assert set(registered.json()) == {"id", "username", "created_at"}  # never the hash
    assert token.status_code == 200
    assert token.json()["token_type"] == "bearer"
    assert token.json()["expires_in"] == 3600
    assert me.json() == registered.json()


def test_the_token_names_the_user_and_expires(client: Client) -> None:
    sign_up(client)
    token = client.post("/auth/login", json={"username": "ada", "password": "correct horse"})

    claims = jwt.decode(
        token.json()["access_token"], TEST_SECRET, algorithms=["HS256"], audience="task-api"
    )
    assert claims["sub"] == "1"
    assert claims["exp"] - claims["iat"] == 3600
    assert (claims["iss"], claims["aud"]) == ("task-api", "task-api")


def test_wrong_password_and_unknown_user_get_the_same_answer(client: Client) -> None:
    sign_up(client)
    wrong = client.post("/auth/login", json={"username": "ada", "password": "wrong horse"})
    unknown = client.post("/auth/login", json={"username": "eve", "password": "correct horse"})

    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert wrong.json()["detail"] == "Wrong username or password"


def test_a_taken_username_is_a_conflict(client: Client) -> None:
    sign_up(client)
    again = client.post("/auth/register", json={"username": "ada", "password": "another one"})

    assert again.status_code == 409
    assert again.json()["detail"] == "The username 'ada' is taken"


def test_tokens_that_prove_nothing_are_401(client: Client) -> None:
    sign_up(client)
    forged = jwt.encode({"sub": "1", "exp": 9999999999}, "not-the-secret-" * 3, algorithm="HS256")
    expired = signed({"sub": "1", "exp": 1})
    ghost = signed({"sub": "42"})
    unsigned = jwt.encode({"sub": "1", "exp": 9999999999}, "", algorithm="none")

    answers = {
        name: client.get("/me", headers=headers)
        for name, headers in {
            "missing": {},
            "malformed": {"Authorization": "Bearer not.a.jwt"},
            "forged": {"Authorization": f"Bearer {forged}"},
            "expired": {"Authorization": f"Bearer {expired}"},
            "unknown user": {"Authorization": f"Bearer {ghost}"},
            "alg none": {"Authorization": f"Bearer {unsigned}"},
        }.items()
    }

    assert {name: response.status_code for name, response in answers.items()} == dict.fromkeys(
        answers, 401
    )
    assert answers["missing"].json()["detail"] == "No JWT token found in request header"
    assert answers["forged"].json()["detail"] == "Invalid token"


def test_an_unknown_user_is_refused_even_with_the_decoy_hashs_password(client: Client) -> None:
    # Unknown users are checked against a decoy hash, so that they cost as much time as
    # real ones. Its password must not log anyone in.
    response = client.post(
        "/auth/login", json={"username": "eve", "password": "not-a-real-password"}
    )

    assert response.status_code == 401


@pytest.fixture
def transactions() -> Iterator[list[Session]]:
    """The ORM sessions that begin a transaction, in order, while the test runs."""
    begun: list[Session] = []

    def record(session: Session, *_: object) -> None:
        begun.append(session)

    event.listen(Session, "after_begin", record)
    yield begun
    event.remove(Session, "after_begin", record)


def test_a_request_loads_its_user_in_its_own_session(
    client: Client, ada: dict[str, str], transactions: list[Session]
) -> None:
    # The user behind the token is loaded through the domain, in the session the handler
    # then uses: one transaction for the request, not one for auth and one for the handler.
    created = client.post("/tasks", json={"title": "One transaction"}, headers=ada)

    assert created.status_code == 201
    assert len(transactions) == 1


def test_an_open_socket_holds_no_database_connection(client: Client, ada: dict[str, str]) -> None:
    (database,) = client.app.plugins.get(SQLAlchemyPlugin).config
    engine = database.get_engine()
    with client.websocket_connect("/events/ws", headers=ada):
        # Authenticated (the user was loaded), and the pooled connection is back already.
        assert engine.pool.checkedout() == 0
