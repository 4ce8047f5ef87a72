"""Step 02: a JWT from /login opens /me; every bad token is a 401 that explains nothing more."""

import base64
import importlib
import json
import sys
from datetime import UTC, datetime, timedelta
from typing import Any, TypedDict

import jwt
import pytest
from litestar import Litestar, Response, get
from litestar.connection import ASGIConnection
from litestar.exceptions import LitestarDeprecationWarning
from litestar.security.jwt import JWTAuth, Token
from litestar.testing import TestClient

from lessons.l15_auth.accounts import USERS, User
from lessons.l15_auth.step02_tokens import (
    DEV_ONLY_SECRET,
    SECRET_ENV_VAR,
    TOKEN_LIFETIME,
    app,
    create_app,
    make_jwt_auth,
)
from tests.lessons.l15_auth.support import PASSWORD, record_exchange
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
    record = transcript("l15_auth/token")
    with TestClient(app) as client:
        record_exchange(
            record, client.post("/register", json={"username": "alice", "password": PASSWORD})
        )
        login = client.post("/login", json={"username": "alice", "password": PASSWORD})
        token = login.json()["access_token"]
        me = client.get("/me", headers=bearer(token))
        record_exchange(record, login, token)
        record_exchange(record, me, token)

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


def forged(
    *,
    secret: str = DEV_ONLY_SECRET,
    algorithm: str = "HS256",
    lifetime: timedelta = timedelta(minutes=5),
    claims: tuple[str, ...] = ("sub", "iat", "exp"),
) -> str:
    """A token for alice that ``app`` accepts, unless one argument changes one property.

    The defaults make a good token. Each bad token below changes exactly one argument, and
    ``test_each_bad_token_is_accepted_once_its_one_fault_is_fixed`` shows that the same
    token with that one fault put right gets in: so each 401 has the cause its name gives.
    """
    issued = datetime.now(UTC) - timedelta(minutes=10)
    every_claim: dict[str, datetime | str] = {
        "sub": "alice",
        "iat": issued,
        "exp": issued + timedelta(minutes=10) + lifetime,
    }
    payload = {name: value for name, value in every_claim.items() if name in claims}
    if algorithm == "none":
        # Made by hand, as an attacker would: header says "none", the signature is empty.
        return f"{b64url({'alg': 'none', 'typ': 'JWT'})}.{b64url(jsonable(payload))}."
    return jwt.encode(payload, secret, algorithm=algorithm)


def jsonable(payload: dict[str, datetime | str]) -> dict[str, object]:
    return {k: int(v.timestamp()) if isinstance(v, datetime) else v for k, v in payload.items()}


class Fault(TypedDict, total=False):
    """One argument of forged() that differs from its default."""

    secret: str
    algorithm: str
    lifetime: timedelta
    claims: tuple[str, ...]


# --8<-- [start:bad-tokens]
# forged() makes a good token; each of these changes one of its arguments.
BAD_TOKENS: dict[str, Fault] = {
    "expired": {"lifetime": -timedelta(minutes=1)},  # exp a minute ago
    "wrong-secret": {"secret": OTHER_SECRET},  # signed, but not with the app's secret
    "alg-none": {"algorithm": "none"},  # not signed at all
    "no-iat": {"claims": ("sub", "exp")},  # Litestar's Token requires iat
    "no-sub": {"claims": ("iat", "exp")},  # nobody to look up
}


@pytest.mark.parametrize(
    ("headers", "detail"),
    [
        ({}, "No JWT token found in request header"),
        ({"Authorization": "Bearer"}, "Invalid token"),
        (bearer("not-a-jwt"), "Invalid token"),
        *[(bearer(forged(**fault)), "Invalid token") for fault in BAD_TOKENS.values()],
    ],
    ids=["missing", "empty", "malformed", *BAD_TOKENS],
)
def test_every_bad_token_is_401_and_says_no_more(headers: dict[str, str], detail: str) -> None:
    with TestClient(app) as client:
        log_in(client)  # alice exists: only the token is wrong
        response = client.get("/me", headers=headers)

    assert response.status_code == 401
    assert response.json() == {"status_code": 401, "detail": detail}


@pytest.mark.parametrize("fault", BAD_TOKENS, ids=list(BAD_TOKENS))
def test_each_bad_token_is_accepted_once_its_one_fault_is_fixed(fault: str) -> None:
    # Each bad token differs from forged()'s default in one argument only: put that one
    # back and the same token gets in, so the 401 above had no other cause.
    with TestClient(app) as client:
        log_in(client)
        bad_answer = client.get("/me", headers=bearer(forged(**BAD_TOKENS[fault])))
        good_answer = client.get("/me", headers=bearer(forged()))

    assert (bad_answer.status_code, good_answer.status_code) == (401, 200)


# --8<-- [end:bad-tokens]


def test_no_401_carries_a_www_authenticate_header() -> None:
    # RFC 9110 asks a 401 for one; Litestar 2.25 sends none (a known quirk).
    with TestClient(app) as client:
        missing = client.get("/me")
        invalid = client.get("/me", headers=bearer("not-a-jwt"))

    assert missing.status_code == invalid.status_code == 401
    assert "www-authenticate" not in missing.headers
    assert "www-authenticate" not in invalid.headers


def test_a_token_for_a_deleted_user_is_401(transcript: MakeTranscript) -> None:
    record = transcript("l15_auth/token-deleted-user")
    with TestClient(app) as client:
        token = log_in(client)
        deleted = client.delete("/me", headers=bearer(token))
        after = client.get("/me", headers=bearer(token))
        record_exchange(record, deleted, token)
        record_exchange(record, after, token)

    assert deleted.status_code == 204
    assert "alice" not in USERS.users
    # retrieve_user returned None; the middleware's message is just the status phrase.
    assert after.status_code == 401
    assert after.json() == {"status_code": 401, "detail": "Unauthorized"}


def test_bad_tokens_transcript(transcript: MakeTranscript) -> None:
    record = transcript("l15_auth/token-rejected")
    expired = forged(**BAD_TOKENS["expired"])
    with TestClient(app) as client:
        log_in(client)
        record_exchange(record, client.get("/me"))
        record_exchange(record, client.get("/me", headers=bearer(expired)), expired)


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


async def nobody(token: Token, connection: ASGIConnection[Any, Any, Any, Any]) -> User:
    raise AssertionError("never called: no request below is authenticated")


@get("/account/login-history")
async def login_history() -> list[str]:
    return ["a private list"]


def app_excluding(pattern: str) -> Litestar:
    jwt_auth = JWTAuth[User](
        token_secret=DEV_ONLY_SECRET, retrieve_user_handler=nobody, exclude=[pattern]
    )
    return Litestar([login_history], on_app_init=[jwt_auth.on_app_init])


# --8<-- [start:pitfall-exclude]
def test_an_unanchored_exclude_pattern_opens_more_than_it_names() -> None:
    # Searched anywhere in the path: "/login" also matches "/account/login-history".
    with TestClient(app_excluding("/login")) as client:
        assert client.get("/account/login-history").status_code == 200  # no token at all
    with TestClient(app_excluding("^/login$")) as client:
        assert client.get("/account/login-history").status_code == 401


# --8<-- [end:pitfall-exclude]


# --8<-- [start:pitfall-contrib]
def test_litestar_contrib_jwt_is_deprecated() -> None:
    sys.modules.pop("litestar.contrib.jwt", None)
    with pytest.warns(LitestarDeprecationWarning, match="import from 'litestar.security.jwt'"):
        importlib.import_module("litestar.contrib.jwt")


# --8<-- [end:pitfall-contrib]


def test_jwt_auth_login_answers_201_with_the_token_in_a_header() -> None:
    # The page's other way to hand out a token: JWTAuth.login() builds the response.
    jwt_auth = make_jwt_auth()

    @get("/token", exclude_from_auth=True)
    async def token() -> Response[Any]:
        return jwt_auth.login(identifier="alice")

    with TestClient(Litestar([token], on_app_init=[jwt_auth.on_app_init])) as client:
        response = client.get("/token")

    assert response.status_code == 201
    scheme, _, encoded = response.headers["authorization"].partition(" ")
    assert scheme == "Bearer"
    assert jwt.decode(encoded, DEV_ONLY_SECRET, algorithms=["HS256"])["sub"] == "alice"
