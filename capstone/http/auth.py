"""Who is calling: registration, login, bearer tokens (JWT) and `GET /me`."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncGenerator
from datetime import UTC, datetime, timedelta
from typing import Any

from advanced_alchemy.extensions.litestar import SQLAlchemyAsyncConfig
from litestar import Request, Router, get, post
from litestar.connection import ASGIConnection
from litestar.di import NamedDependency, Provide
from litestar.enums import ScopeType
from litestar.exceptions import NotAuthorizedException, TooManyRequestsException
from litestar.middleware import AuthenticationResult
from litestar.middleware.rate_limit import RateLimitConfig
from litestar.openapi.spec import Link
from litestar.params import JSONBody
from litestar.security.jwt import JWTAuth, JWTAuthenticationMiddleware, Token
from litestar.stores.base import Store
from sqlalchemy.ext.asyncio import AsyncSession

from capstone.config import Settings
from capstone.domain.users import Accounts, SignedIn, WrongCredentialsError
from capstone.http.openapi import RATE_LIMIT, RETRY_AFTER, Headers, documented
from capstone.http.schemas import AccessToken, Credentials, UserOut, errors

# Browsers cannot set headers on a WebSocket or an EventSource, so the event streams
# also take the token from `?token=`. Nowhere else: URLs end up in logs.
EVENT_PATHS = "/events"
# Checked on every token: one signed for another service, even with a secret shared by
# mistake, or by another issuer, authenticates nobody here.
ISSUER = "task-api"
AUDIENCE = "task-api"


class BearerOrEventTokenMiddleware(JWTAuthenticationMiddleware):
    async def authenticate_request(
        self, connection: ASGIConnection[Any, Any, Any, Any]
    ) -> AuthenticationResult:
        # The path first: it is in the scope already, the query string would be parsed.
        if connection.scope["path"].startswith(EVENT_PATHS):
            token = connection.query_params.get("token")
            if token and self.auth_header not in connection.headers:
                return await self.authenticate_token(encoded_token=token, connection=connection)
        return await super().authenticate_request(connection)


# Paths that need no token, anchored: Litestar searches each pattern anywhere in the path,
# so a bare "/health" would also let "/x/health" and "/healthz-anything" through unchecked.
PUBLIC_PATHS = [r"^/auth/", r"^/health$", r"^/ready$", r"^/schema(/|$)"]


# --8<-- [start:checked-tokens]
# A client sends the same token with every request for up to an hour. Checking it (base64,
# HMAC, JSON, the claims) is a tenth of a listing's CPU, so a token that passed is kept, by
# its exact text and the secret, and used again while it has not expired. Only a token that
# passed is kept: a forged or changed one is a different text, and is checked in full.
MAX_CHECKED_TOKENS = 10_000
_CHECKED: dict[tuple[str, str], Token] = {}


class CheckedToken(Token):
    @classmethod
    def decode(cls, encoded_token: str, secret: str, *args: Any, **kwargs: Any) -> CheckedToken:
        known = _CHECKED.get((encoded_token, secret))
        if known is not None and known.exp > datetime.now(UTC):
            return known  # type: ignore[return-value] # only CheckedTokens are kept
        token = super().decode(encoded_token, secret, *args, **kwargs)
        if len(_CHECKED) >= MAX_CHECKED_TOKENS:
            _CHECKED.clear()  # simpler than LRU, and a token is re-checked only once
        _CHECKED[encoded_token, secret] = token
        return token
        # --8<-- [end:checked-tokens]


def jwt_auth(settings: Settings, database: SQLAlchemyAsyncConfig) -> JWTAuth[SignedIn]:
    # --8<-- [start:current-user]
    async def current_user(
        token: Token, connection: ASGIConnection[Any, Any, Any, Any]
    ) -> SignedIn | None:
        if not (token.sub.isascii() and token.sub.isdigit()) or int(token.sub) >= 2**63:
            return None  # signed with our secret, yet not an id we issue: nobody (401)
        if settings.token_identity:
            # The signature proves we issued this id, and the task routes need nothing
            # else: no session, no SELECT. A deleted account's token still signs in until
            # it expires, and finds nothing: its tasks went with it (ON DELETE CASCADE),
            # a create is refused (401, domain/tasks.py) and GET /me says 401.
            return SignedIn(int(token.sub))
        # --8<-- [end:current-user]
        # Before (the benchmark's switch): look the account up on every request.
        session = database.provide_session(connection.app.state, connection.scope)
        user = await Accounts(session).get(int(token.sub))
        if connection.scope["type"] == ScopeType.WEBSOCKET:
            # A socket stays open for hours and is never "answered", so the plugin would
            # end this transaction only when it closes: give the connection back now.
            await session.close()
        return None if user is None else SignedIn(user.id)

    return JWTAuth[SignedIn](
        retrieve_user_handler=current_user,
        token_secret=settings.jwt_secret,
        default_token_expiration=timedelta(minutes=settings.token_minutes),
        authentication_middleware_class=BearerOrEventTokenMiddleware,
        accepted_issuers=[ISSUER],
        accepted_audiences=[AUDIENCE],
        require_claims=["iss", "aud"],
        exclude=PUBLIC_PATHS,
        token_cls=CheckedToken if settings.checked_tokens else Token,
    )


async def provide_accounts(
    request: Request[Any, Any, Any], db_session: NamedDependency[AsyncSession]
) -> AsyncGenerator[Accounts, None]:
    yield Accounts(session=db_session)
    # Before the answer is sent (database.py says why): a failed commit is not a 201.
    if request.method != "GET":
        await db_session.commit()


# Public, and limited: every answer carries the rate-limit headers, a 429 also Retry-After.
LIMITED_HEADERS: dict[int | str, Headers] = {"*": RATE_LIMIT, 429: RETRY_AFTER}
# After registering, log in with the same body.
LOG_IN = Link(operation_id="logIn", request_body="$request.body", description="Log in")


@post(
    "/register",
    summary="Create an account",
    tags=["auth"],
    operation_id="register",
    responses=errors(400, 409, 413, 429),
    operation_class=documented(
        public=True, headers=LIMITED_HEADERS, links={201: {"logIn": LOG_IN}}
    ),
)
async def register(data: JSONBody[Credentials], accounts: NamedDependency[Accounts]) -> UserOut:
    return UserOut.of(await accounts.register(data.username, data.password))


def login_handler(auth: JWTAuth[SignedIn], settings: Settings) -> Any:
    @post(
        "/login",
        summary="Trade a username and password for a bearer token",
        tags=["auth"],
        status_code=200,
        operation_id="logIn",
        responses=errors(400, 401, 413, 429),
        operation_class=documented(public=True, headers=LIMITED_HEADERS),
    )
    async def login(
        request: Request[Any, Any, Any],
        data: JSONBody[Credentials],
        accounts: NamedDependency[Accounts],
    ) -> AccessToken:
        failures = FailedLogins(request.app.stores.get("rate_limit"), settings)
        await failures.refuse_if_too_many(data.username)
        try:
            user = await accounts.authenticate(data.username, data.password)
        except WrongCredentialsError:
            await failures.count(data.username)
            raise
        await failures.forget(data.username)
        token = auth.create_token(
            identifier=str(user.id), token_issuer=ISSUER, token_audience=AUDIENCE
        )
        return AccessToken(
            access_token=token,
            token_type="bearer",  # noqa: S106 - the OAuth2 token type, not a secret
            expires_in=settings.token_minutes * 60,
        )

    return login


@get(
    "/me",
    summary="The signed-in user",
    tags=["auth"],
    operation_id="readMe",
    responses=errors(401),
    operation_class=documented(),
    dependencies={"accounts": Provide(provide_accounts)},
)
async def me(
    request: Request[SignedIn, Token, Any], accounts: NamedDependency[Accounts]
) -> UserOut:
    # The token names the account; only this route needs the account itself.
    user = await accounts.get(request.user.id)
    if user is None:
        raise NotAuthorizedException("This account no longer exists")
    return UserOut.of(user)


# --8<-- [start:account-limit]
_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


class FailedLogins:
    """Failed logins per username, from any address: guessing one account's password from
    many addresses stops at ACCOUNT_LOGIN_LIMIT (a success starts the count again)."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.unit, self.limit = settings.account_rate

    def _key(self, username: str) -> str:
        # Hashed: a username in a Redis key is readable to anyone who can list the keys.
        return "failed-login:" + hashlib.sha256(username.encode()).hexdigest()

    async def refuse_if_too_many(self, username: str) -> None:
        failures = int(await self.store.get(self._key(username)) or 0)
        if failures >= self.limit:
            retry_after = await self.store.expires_in(self._key(username)) or 1
            raise TooManyRequestsException(
                "Too many failed logins for this account; retry later",
                headers={"RateLimit-Reset": str(retry_after)},
            )

    async def forget(self, username: str) -> None:
        await self.store.delete(self._key(username))

    async def count(self, username: str) -> None:
        key = self._key(username)
        failures = int(await self.store.get(key) or 0) + 1
        # The window starts with the first failure and does not move with the others.
        window = await self.store.expires_in(key) if failures > 1 else None
        await self.store.set(key, str(failures), expires_in=window or _SECONDS[self.unit])
        # --8<-- [end:account-limit]


# --8<-- [start:login-rate-limit]
def login_rate_limit(settings: Settings) -> RateLimitConfig:
    # Keyed by the client's address: the TCP peer's, or with TRUSTED_PROXIES set, the one
    # a trusted proxy puts in X-Forwarded-For (capstone/__main__.py). Counted in the app's
    # "rate_limit" store: in Redis when REDIS_URL is set, one count for every process.
    return RateLimitConfig(rate_limit=settings.login_rate)


def auth_router(auth: JWTAuth[SignedIn], settings: Settings) -> Router:
    return Router(
        path="/auth",
        route_handlers=[register, login_handler(auth, settings)],
        dependencies={"accounts": Provide(provide_accounts)},
        # On this router only: /tasks and the rest are not limited by it.
        middleware=[login_rate_limit(settings).middleware],
    )
    # --8<-- [end:login-rate-limit]
