"""Close your own account: a route where the token decides whose account goes.

Your task (the whole contract is in task.md, or on the lesson page): write
DELETE /accounts/{username}. A member may close their own account, and nobody else's.
"""

from typing import Any

import msgspec
from litestar import Litestar, Request, get
from litestar.connection import ASGIConnection
from litestar.datastructures import State
from litestar.security.jwt import JWTAuth, Token

SECRET = "exercise-only-secret-never-deploy-0123456789"  # noqa: S105 - an exercise


class Member(msgspec.Struct):
    username: str


MEMBERS = {name: Member(name) for name in ("rosa", "tom")}


async def retrieve_member(
    token: Token, connection: ASGIConnection[Any, Any, Any, Any]
) -> Member | None:
    return MEMBERS.get(token.sub)  # None once the account is closed: its tokens get a 401


@get("/me")
async def me(request: Request[Member, Token, Any]) -> Member:
    return request.user


# TODO: write DELETE /accounts/{username} here (204 when done; see task.md for who may),
# then add it to the app below.


jwt_auth = JWTAuth[Member](token_secret=SECRET, retrieve_user_handler=retrieve_member)
app = Litestar(
    route_handlers=[me],
    state=State({"jwt_auth": jwt_auth}),  # the checks sign their tokens with it
    on_app_init=[jwt_auth.on_app_init],
)
