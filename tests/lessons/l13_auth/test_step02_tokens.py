"""Step 02: a JWT from /login opens /me; every bad token is a 401 that explains nothing more."""

import base64
import importlib
import json
import sys
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest
from litestar import Litestar, get
from litestar.connection import ASGIConnection
from litestar.exceptions import LitestarDeprecationWarning
from litestar.security.jwt import JWTAuth, Token
from litestar.testing import TestClient

from lessons.l13_auth.accounts import USERS, User
from lessons.l13_auth.step02_tokens import (
    DEV_ONLY_SECRET,
    SECRET_ENV_VAR,
    TOKEN_LIFETIME,
    app,
    create_app,
)
from tests.lessons.l13_auth.support import PASSWORD, record_without_tokens
from tests.transcripts import MakeTranscript

OTHER_SECRET = "a-different-secret-for-this-test-only-0123"


def log_in(client: TestClient[Litestar], username: str = "alice") -> str:
    client.post("/register", json={"username": username, "password": PASSWORD})
    response = client.post("/login", json={"username": username, "password": PASSWORD})
    assert response.status_code == 200
    token: str = response.json()["access_token"]
    return token


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def b64url(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def test_log_in_then_use_the_token(transcript: MakeTranscript) -> None:
    record = transcript("l13_auth/token")
    with TestClient(app) as client:
        client.post("/register", json={"username": "alice", "password": PASSWORD})
        login = client.post("/login", json={"username": "alice", "password": PASSWORD})
        token = login.json()["access_token"]
        me = client.get("/me", headers=bearer(token))
        record_without_tokens(record, login, token)
        record_without_tokens(record, me, token)

    assert login.json() == {"access_token": token, "token_type": "bearer", "expires_in": 900}
    assert me.status_code == 200
    assert me.json() == {"username": "alice", "roles": ["member"]}


def test_the_token_names_the_user_and_expires_after_the_lifetime() -> None:
    with TestClient(app) as client:
        token = log_in(client)

    claims = jwt.decode(token, DEV_ONLY_SECRET, algorithms=["HS256"])
    assert jwt.get_unverified_header(token) == {"alg": "HS256", "typ": "JWT"}
    assert claims["sub"] == "alice"
    # exp and iat are whole seconds read from the clock microseconds apart: 900, or
    # 899 when a second ticks over between the two readings.
    assert TOKEN_LIFETIME.total_seconds() - 1 <= claims["exp"] - claims["iat"] <= 900
    # The payload is only base64: anyone can read it. Never put secrets in a token.
    assert "password" not in json.dumps(claims)


def expired_token() -> str:
    now = datetime.now(UTC)
    past = {"sub": "alice", "iat": now - timedelta(hours=1), "exp": now - timedelta(minutes=1)}
    return jwt.encode(past, DEV_ONLY_SECRET, algorithm="HS256")


def wrongly_signed_token() -> str:
    claims = {"sub": "alice", "exp": datetime.now(UTC) + timedelta(minutes=5)}
    return jwt.encode(claims, OTHER_SECRET, algorithm="HS256")


def unsigned_token() -> str:
    # Made by hand: PyJWT will not decode "none" unless asked, but an attacker doesn't need it.
    header = b64url({"alg": "none", "typ": "JWT"})
    exp = int((datetime.now(UTC) + timedelta(minutes=5)).timestamp())
    return f"{header}.{b64url({'sub': 'alice', 'exp': exp, 'iat': exp - 60})}."


# --8<-- [start:bad-tokens]
@pytest.mark.parametrize(
    ("headers", "detail"),
    [
        ({}, "No JWT token found in request header"),
        (bearer("not-a-jwt"), "Invalid token"),
        (bearer(expired_token()), "Invalid token"),
        (bearer(wrongly_signed_token()), "Invalid token"),
        (bearer(unsigned_token()), "Invalid token"),
        ({"Authorization": "Bearer"}, "Invalid token"),
    ],
    ids=["missing", "malformed", "expired", "wrong-secret", "alg-none", "empty"],
)
def test_every_bad_token_is_401_and_says_no_more(headers: dict[str, str], detail: str) -> None:
    with TestClient(app) as client:
        log_in(client)  # alice exists: only the token is wrong
        response = client.get("/me", headers=headers)

    assert response.status_code == 401
    assert response.json() == {"status_code": 401, "detail": detail}
    # Litestar sends no WWW-Authenticate header, although RFC 9110 asks a 401 for one.
    assert "www-authenticate" not in response.headers


# --8<-- [end:bad-tokens]


def test_a_token_for_a_deleted_user_is_401(transcript: MakeTranscript) -> None:
    record = transcript("l13_auth/token-deleted-user")
    with TestClient(app) as client:
        token = log_in(client)
        deleted = client.delete("/me", headers=bearer(token))
        after = client.get("/me", headers=bearer(token))
        record_without_tokens(record, deleted, token)
        record_without_tokens(record, after, token)

    assert deleted.status_code == 204
    assert "alice" not in USERS.users
    # retrieve_user returned None; the middleware's message is just the status phrase.
    assert after.status_code == 401
    assert after.json() == {"status_code": 401, "detail": "Unauthorized"}


def test_bad_tokens_transcript(transcript: MakeTranscript) -> None:
    record = transcript("l13_auth/token-rejected")
    expired = expired_token()
    with TestClient(app) as client:
        log_in(client)
        record(client.get("/me"))
        record_without_tokens(record, client.get("/me", headers=bearer(expired)), expired)


def test_the_scheme_word_is_not_checked() -> None:
    # The middleware takes whatever follows the first space, so "Basic <jwt>" works
    # as well as "Bearer <jwt>", and a bare token (no space) is refused.
    with TestClient(app) as client:
        token = log_in(client)
        basic = client.get("/me", headers={"Authorization": f"Basic {token}"})
        bare = client.get("/me", headers={"Authorization": token})

    assert basic.status_code == 200
    assert bare.status_code == 401


def test_the_secret_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    with TestClient(app) as client:
        dev_token = log_in(client)

    monkeypatch.setenv(SECRET_ENV_VAR, OTHER_SECRET)
    with TestClient(create_app()) as client:
        refused = client.get("/me", headers=bearer(dev_token))
        own_token = client.post("/login", json={"username": "alice", "password": PASSWORD})
        accepted = client.get("/me", headers=bearer(own_token.json()["access_token"]))

    assert refused.status_code == 401
    assert accepted.status_code == 200
    assert jwt.decode(own_token.json()["access_token"], OTHER_SECRET, algorithms=["HS256"])


def test_an_explicit_secret_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SECRET_ENV_VAR, OTHER_SECRET)
    with TestClient(create_app(secret=DEV_ONLY_SECRET)) as client:
        token = log_in(client)

    assert jwt.decode(token, DEV_ONLY_SECRET, algorithms=["HS256"])["sub"] == "alice"


def test_register_login_and_schema_need_no_token() -> None:
    with TestClient(app) as client:
        answers = [
            client.post("/register", json={"username": "bob", "password": PASSWORD}).status_code,
            client.post("/login", json={"username": "bob", "password": PASSWORD}).status_code,
            client.get("/schema/openapi.json").status_code,
            client.get("/me").status_code,
        ]

    assert answers == [201, 200, 200, 401]


def test_openapi_shows_the_bearer_scheme_on_every_route_even_excluded_ones() -> None:
    with TestClient(app) as client:
        document = client.get("/schema/openapi.json").json()

    assert document["components"]["securitySchemes"] == {
        "BearerToken": {
            "type": "http",
            "description": "JWT api-key authentication and authorization.",
            "name": "Authorization",
            "scheme": "Bearer",
            "bearerFormat": "JWT",
        }
    }
    # One document-wide requirement and no per-operation override: Swagger UI shows
    # a padlock on /login and /register too, although they take no token (#3013).
    assert document["security"] == [{"BearerToken": []}]
    operations = [op for path in document["paths"].values() for op in path.values()]
    assert len(operations) == 4
    assert all("security" not in operation for operation in operations)


# --8<-- [start:pitfall-exclude]
def test_an_unanchored_exclude_pattern_opens_more_than_it_names() -> None:
    async def retrieve_user(token: Token, connection: ASGIConnection[Any, Any, Any, Any]) -> User:
        raise AssertionError("never called: no request below is authenticated")

    @get("/account/login-history")
    async def login_history() -> list[str]:
        return ["a private list"]

    jwt_auth = JWTAuth[User](
        token_secret=DEV_ONLY_SECRET, retrieve_user_handler=retrieve_user, exclude=["/login"]
    )
    with TestClient(Litestar([login_history], on_app_init=[jwt_auth.on_app_init])) as client:
        response = client.get("/account/login-history")  # no token at all

    # Patterns are regular expressions searched anywhere in the path: "/login"
    # also matches "/account/login-history". Write "^/login$".
    assert response.status_code == 200


# --8<-- [end:pitfall-exclude]


# --8<-- [start:pitfall-contrib]
def test_litestar_contrib_jwt_is_deprecated() -> None:
    sys.modules.pop("litestar.contrib.jwt", None)
    with pytest.warns(LitestarDeprecationWarning, match="import from 'litestar.security.jwt'"):
        importlib.import_module("litestar.contrib.jwt")


# --8<-- [end:pitfall-contrib]
