"""Log in once; a server-side session remembers who you are."""

# --8<-- [start:config]
from typing import Any

from litestar import Litestar, Request, get, post
from litestar.connection import ASGIConnection
from litestar.middleware.session.server_side import (
    ServerSideSessionBackend,
    ServerSideSessionConfig,
)
from litestar.params import JSONBody
from litestar.security.session_auth import SessionAuth

from lessons.l15_auth.accounts import USERS, LoginForm, PublicUser, User
from lessons.l15_auth.step01_passwords import register

# The browser keeps only a random id; the data lives in the app's "sessions" store
# (a MemoryStore unless the app registers another one: step 3 uses Redis).
# HttpOnly (no JavaScript can read the cookie) and SameSite=lax are the defaults.
# Secure is not: without it the cookie also travels over plain http.
SESSIONS = ServerSideSessionConfig(secure=True)


async def retrieve_user(
    session: dict[str, Any], connection: ASGIConnection[Any, Any, Any, Any]
) -> User | None:
    # None (no such user any more) makes the middleware answer 401 and drop the session.
    return USERS.users.get(session.get("username", ""))


session_auth = SessionAuth[User, ServerSideSessionBackend](
    session_backend_config=SESSIONS,
    retrieve_user_handler=retrieve_user,
    exclude=["^/register$", "^/login$", "^/schema"],  # anchored, as in lesson 15
)
# --8<-- [end:config]


# --8<-- [start:login]
@post("/login", status_code=200)
async def login(data: JSONBody[LoginForm], request: Request[Any, Any, Any]) -> PublicUser:
    user = await USERS.authenticate(data.username, data.password)
    # The middleware stores this dict under the session id and sets the cookie.
    request.set_session({"username": user.username})
    return PublicUser.of(user)


# --8<-- [end:login]


# --8<-- [start:handlers]
@get("/me")
async def me(request: Request[User, dict[str, Any], Any]) -> PublicUser:
    return PublicUser.of(request.user)  # request.auth is the session dict


@post("/logout", status_code=204)
async def logout(request: Request[User, dict[str, Any], Any]) -> None:
    # Deletes the session from the store, and answers with a cookie that replaces the id:
    # a copy of the old cookie, replayed, finds nothing.
    request.clear_session()


# --8<-- [end:handlers]

app = Litestar(
    route_handlers=[register, login, me, logout],
    on_app_init=[session_auth.on_app_init],  # adds the middleware and the OpenAPI scheme
)
