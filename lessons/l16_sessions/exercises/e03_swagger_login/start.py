"""Let Swagger UI log in: the OAuth2 password flow for the library's API.

Your task (the whole contract is in task.md, or on the lesson page): write POST /token,
which takes Swagger UI's login form and answers with a bearer token, and the
OAuth2PasswordBearerAuth that checks the token and tells OpenAPI where /token is.
"""

from typing import Any

from litestar import Litestar, Request, get
from litestar.connection import ASGIConnection
from litestar.security.jwt import Token

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


# TODO: an OAuth2PasswordBearerAuth (token_url "/token"; /register and /token need no token),
# and POST /token: a form with username and password in, {"access_token", "token_type"} out.
# Then add both to the app below.
app = Litestar(route_handlers=[register, me])
