"""Guards: 401 says "who are you?", 403 says "you may not"."""

# --8<-- [start:app]
import os
from typing import Any

from litestar import Litestar, get
from litestar.connection import ASGIConnection
from litestar.datastructures import State
from litestar.exceptions import PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler
from litestar.types import Guard

from lessons.l15_auth.accounts import USERS, PublicUser, User
from lessons.l15_auth.step01_passwords import register
from lessons.l15_auth.step02_tokens import delete_me, login, make_jwt_auth, me


# --8<-- [start:guard]
def requires_role(role: str) -> Guard:
    def guard(connection: ASGIConnection[Any, User, Any, Any], _: BaseRouteHandler) -> None:
        # Guards run after the JWT middleware, so connection.user is a real User here.
        # A guard allows by returning and refuses by raising: its return value is ignored.
        if role not in connection.user.roles:
            raise PermissionDeniedException(f"This needs the {role!r} role")

    return guard


@get("/admin/users", guards=[requires_role("admin")])
async def list_users() -> list[PublicUser]:
    return [PublicUser.of(user) for user in USERS.users.values()]


# --8<-- [end:guard]


# --8<-- [start:seed]
async def create_admin() -> None:
    # Nobody can make themselves an admin over HTTP; whoever runs the server can.
    password = os.environ.get("LESSON15_ADMIN_PASSWORD")
    if password and "admin" not in USERS.users:
        await USERS.register("admin", password, roles=("admin", "member"))


# --8<-- [end:seed]


def create_app(secret: str | None = None) -> Litestar:
    jwt_auth = make_jwt_auth(secret)
    return Litestar(
        route_handlers=[register, login, me, delete_me, list_users],
        state=State({"jwt_auth": jwt_auth}),
        on_app_init=[jwt_auth.on_app_init],
        on_startup=[create_admin],
    )


app = create_app()
# --8<-- [end:app]
