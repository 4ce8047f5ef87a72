"""Close your own account: a route where the token decides whose account goes.

DELETE /accounts/{username} closes an account, but only the account's owner may close it.
"""

from typing import Any

import msgspec
from litestar import Litestar, Request, delete, get
from litestar.connection import ASGIConnection
from litestar.datastructures import State
from litestar.exceptions import PermissionDeniedException
from litestar.params import FromPath
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


@delete("/accounts/{username:str}")
async def close_account(username: FromPath[str], request: Request[Member, Token, Any]) -> None:
    # The path names an account; the token says who is asking. Only the owner may close it:
    # 403, not 404, because the task's contract says so (and tom knows rosa exists anyway).
    if request.user.username != username:
        raise PermissionDeniedException("You may only close your own account")
    del MEMBERS[username]


jwt_auth = JWTAuth[Member](token_secret=SECRET, retrieve_user_handler=retrieve_member)
app = Litestar(
    route_handlers=[me, close_account],
    state=State({"jwt_auth": jwt_auth}),  # the checks sign their tokens with it
    on_app_init=[jwt_auth.on_app_init],
)
