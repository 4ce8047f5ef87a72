"""Librarians only: a role guard on the route that adds books.

Your task (the whole contract is in task.md, or on the lesson page): today any signed-in
reader can add a book. Only a reader with the "librarian" role may; everyone signed in may
still list them.
"""

from typing import Any

import msgspec
from litestar import Litestar, get, post
from litestar.connection import ASGIConnection
from litestar.datastructures import State
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
    # TODO: refuse a reader who is not a librarian, with the right status code.
    # Guards run after the JWT middleware, so connection.user is the Reader.
    ...


@get("/books")
async def list_books() -> list[Book]:
    return BOOKS


# TODO: put the guard on the route it protects.
@post("/books")
async def add_book(data: JSONBody[Book]) -> Book:
    BOOKS.append(data)
    return data


jwt_auth = JWTAuth[Reader](token_secret=SECRET, retrieve_user_handler=retrieve_reader)
app = Litestar(
    route_handlers=[list_books, add_book],
    state=State({"jwt_auth": jwt_auth}),  # the checks sign their tokens with it
    on_app_init=[jwt_auth.on_app_init],
)
