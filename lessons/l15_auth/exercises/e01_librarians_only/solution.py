"""Librarians only: a role guard on the route that adds books.

Every signed-in reader may list the books; only a librarian may add one.
"""

from typing import Any

import msgspec
from litestar import Litestar, get, post
from litestar.connection import ASGIConnection
from litestar.datastructures import State
from litestar.exceptions import PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler
from litestar.params import JSONBody
from litestar.security.jwt import JWTAuth, Token

SECRET = "exercise-only-secret-never-deploy-0123456789"  # noqa: S105 - an exercise


class Reader(msgspec.Struct):
    username: str
    roles: tuple[str, ...]


class Book(msgspec.Struct, forbid_unknown_fields=True):
    title: str


READERS = {
    "lena": Reader("lena", ("librarian", "reader")),
    "ada": Reader("ada", ("librarian", "reader")),
    "max": Reader("max", ("reader",)),
}
BOOKS: list[Book] = []


async def retrieve_reader(
    token: Token, connection: ASGIConnection[Any, Any, Any, Any]
) -> Reader | None:
    return READERS.get(token.sub)


def librarians_only(connection: ASGIConnection[Any, Reader, Any, Any], _: BaseRouteHandler) -> None:
    # The JWT middleware has already answered 401 to anyone without a valid token, so
    # connection.user is a Reader here. Refuse by raising: a returned False is ignored.
    # 403, not 401: we know who this is; they may not do this.
    if "librarian" not in connection.user.roles:
        raise PermissionDeniedException("Only librarians may add books")


@get("/books")
async def list_books() -> list[Book]:
    return BOOKS


# The guard goes on this one route: readers must still be able to list the books.
@post("/books", guards=[librarians_only])
async def add_book(data: JSONBody[Book]) -> Book:
    BOOKS.append(data)
    return data


jwt_auth = JWTAuth[Reader](token_secret=SECRET, retrieve_user_handler=retrieve_reader)
app = Litestar(
    route_handlers=[list_books, add_book],
    state=State({"jwt_auth": jwt_auth}),  # the checks sign their tokens with it
    on_app_init=[jwt_auth.on_app_init],
)
