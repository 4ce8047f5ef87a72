"""Let Swagger UI log in: the OAuth2 password flow for the library's API."""

from typing import Any

import msgspec
from litestar import Litestar, Request, get, post
from litestar.connection import ASGIConnection
from litestar.params import URLEncodedBody
from litestar.security.jwt import OAuth2PasswordBearerAuth, Token

from lessons.l15_auth.accounts import USERS, PublicUser, User
from lessons.l15_auth.step01_passwords import register

SECRET = "exercise-only-secret-never-deploy-0123456789"  # noqa: S105 - an exercise


async def retrieve_user(
    token: Token, connection: ASGIConnection[Any, Any, Any, Any]
) -> User | None:
    return USERS.users.get(token.sub)


@get("/me")
async def me(request: Request[User, Token, Any]) -> PublicUser:
    return PublicUser.of(request.user)


# Swagger UI also sends grant_type (and scope): a Struct ignores fields it does not name.
class Credentials(msgspec.Struct):
    username: str
    password: str


oauth2 = OAuth2PasswordBearerAuth[User, Token](
    token_secret=SECRET,
    token_url="/token",  # noqa: S106 - a path; OpenAPI tells Swagger UI to post the form here
    retrieve_user_handler=retrieve_user,
    exclude=["^/register$", "^/token$", "^/schema"],
)


@post("/token", status_code=200)
async def token(data: URLEncodedBody[Credentials]) -> dict[str, str]:
    user = await USERS.authenticate(data.username, data.password)
    # In the body only: oauth2.login() would also set a cookie, and need CSRF protection.
    return {"access_token": oauth2.create_token(identifier=user.username), "token_type": "bearer"}


app = Litestar(route_handlers=[register, token, me], on_app_init=[oauth2.on_app_init])
