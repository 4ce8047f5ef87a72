"""Log in once, then prove who you are with a signed, expiring JWT."""

# --8<-- [start:app]
import os
from datetime import timedelta
from typing import Any

import msgspec
from litestar import Litestar, Request, delete, get, post
from litestar.connection import ASGIConnection
from litestar.datastructures import State
from litestar.params import JSONBody
from litestar.security.jwt import JWTAuth, Token

from lessons.l15_auth.accounts import USERS, LoginForm, PublicUser, User
from lessons.l15_auth.step01_passwords import register

# --8<-- [start:secret]
# Only for trying the lesson on your machine. This file is public, so anyone can
# sign tokens with this value: a real deployment must set LESSON15_JWT_SECRET.
DEV_ONLY_SECRET = "dev-only-secret-do-not-deploy-0123456789"  # noqa: S105 - see above
SECRET_ENV_VAR = "LESSON15_JWT_SECRET"  # noqa: S105 - a name, not a secret
TOKEN_LIFETIME = timedelta(minutes=15)
# --8<-- [end:secret]


class AccessToken(msgspec.Struct):
    access_token: str
    token_type: str
    expires_in: int  # seconds


# --8<-- [start:auth]
async def retrieve_user(
    token: Token, connection: ASGIConnection[Any, Any, Any, Any]
) -> User | None:
    # Runs on every authenticated request. None (the account was deleted after the
    # token was issued) makes the middleware answer 401.
    return USERS.users.get(token.sub)


def make_jwt_auth(secret: str | None = None) -> JWTAuth[User]:
    return JWTAuth[User](
        token_secret=secret or os.environ.get(SECRET_ENV_VAR, DEV_ONLY_SECRET),
        retrieve_user_handler=retrieve_user,
        default_token_expiration=TOKEN_LIFETIME,
        # Regular expressions, searched anywhere in the path: anchor them.
        exclude=["^/register$", "^/login$", "^/schema"],
    )


# --8<-- [end:auth]


# --8<-- [start:handlers]
@post("/login", status_code=200)
async def login(data: JSONBody[LoginForm], request: Request[Any, Any, State]) -> AccessToken:
    user = await USERS.authenticate(data.username, data.password)
    jwt_auth: JWTAuth[User] = request.app.state.jwt_auth  # the app's own config and secret
    token = jwt_auth.create_token(identifier=user.username)  # exp = now + TOKEN_LIFETIME
    return AccessToken(token, "bearer", int(TOKEN_LIFETIME.total_seconds()))


# Request[user type, auth type, state type]: request.user is the User that
# retrieve_user returned, request.auth the decoded Token.
@get("/me")
async def me(request: Request[User, Token, Any]) -> PublicUser:
    return PublicUser.of(request.user)


@delete("/me")
async def delete_me(request: Request[User, Token, Any]) -> None:
    del USERS.users[request.user.username]


# --8<-- [end:handlers]


def create_app(secret: str | None = None) -> Litestar:
    jwt_auth = make_jwt_auth(secret)
    return Litestar(
        route_handlers=[register, login, me, delete_me],
        state=State({"jwt_auth": jwt_auth}),
        on_app_init=[jwt_auth.on_app_init],  # adds the middleware and the OpenAPI scheme
    )


app = create_app()
# --8<-- [end:app]
