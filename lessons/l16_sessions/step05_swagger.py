"""Log in from Swagger UI: the OAuth2 password flow, with a bearer token."""

# --8<-- [start:app]
import os
from datetime import timedelta
from typing import Annotated, Any

import msgspec
from litestar import Litestar, Request, get, post
from litestar.params import URLEncodedBody
from litestar.security.jwt import OAuth2PasswordBearerAuth, Token

from lessons.l15_auth.accounts import USERS, PublicUser, User
from lessons.l15_auth.step01_passwords import register
from lessons.l15_auth.step02_tokens import DEV_ONLY_SECRET, SECRET_ENV_VAR, retrieve_user

TOKEN_LIFETIME = timedelta(minutes=15)


# What Swagger UI's "Authorize" dialog posts: a form, not JSON (RFC 6749, section 4.3).
class PasswordForm(msgspec.Struct):
    username: Annotated[str, msgspec.Meta(min_length=1, max_length=32)]
    password: Annotated[str, msgspec.Meta(min_length=1, max_length=128)]
    grant_type: str = "password"
    scope: str = ""


class AccessToken(msgspec.Struct):
    access_token: str
    token_type: str
    expires_in: int


oauth2 = OAuth2PasswordBearerAuth[User, Token](
    token_secret=os.environ.get(SECRET_ENV_VAR, DEV_ONLY_SECRET),
    token_url="/token",  # noqa: S106 - a path: where Swagger UI posts the login form
    retrieve_user_handler=retrieve_user,
    default_token_expiration=TOKEN_LIFETIME,
    exclude=["^/register$", "^/token$", "^/schema"],
)


@post("/token", status_code=200)
async def token(data: URLEncodedBody[PasswordForm]) -> AccessToken:
    user = await USERS.authenticate(data.username, data.password)
    # create_token, not oauth2.login(): login() would also set the token as a cookie.
    encoded = oauth2.create_token(identifier=user.username)
    return AccessToken(encoded, "bearer", int(TOKEN_LIFETIME.total_seconds()))


@get("/me")
async def me(request: Request[User, Token, Any]) -> PublicUser:
    return PublicUser.of(request.user)


app = Litestar(route_handlers=[register, token, me], on_app_init=[oauth2.on_app_init])
# --8<-- [end:app]
