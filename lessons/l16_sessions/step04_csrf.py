"""CSRF protection: a cookie logs you in, so a forged form must not."""

import os
from typing import Any

import msgspec
from litestar import Litestar, Request, get, post
from litestar.config.csrf import CSRFConfig
from litestar.exceptions import ClientException, NotFoundException
from litestar.params import FromPath

from lessons.l15_auth.accounts import User
from lessons.l15_auth.step01_passwords import register
from lessons.l16_sessions.step01_sessions import logout, me, session_auth
from lessons.l16_sessions.step02_fixation import login

# --8<-- [start:books]
BOOKS = {1: "Dune", 2: "Emma", 3: "Ulysses"}
LOANS: dict[int, str] = {}  # book id -> who has it


class Loan(msgspec.Struct):
    book_id: int
    title: str
    borrower: str


@get("/books", exclude_from_auth=True)  # a public list, and a safe request: it sets the token
async def list_books() -> dict[int, str]:
    return BOOKS


@post("/books/{book_id:int}/borrow")  # state-changing, and the session cookie says who asks
async def borrow(book_id: FromPath[int], request: Request[User, Any, Any]) -> Loan:
    if book_id not in BOOKS:
        raise NotFoundException(f"No book {book_id}")
    if book_id in LOANS:
        raise ClientException(status_code=409, detail=f"Book {book_id} is on loan")
    LOANS[book_id] = request.user.username
    return Loan(book_id, BOOKS[book_id], request.user.username)


# --8<-- [end:books]

# --8<-- [start:csrf]
# Signs the tokens (an HMAC): a public fallback for trying the lesson only, as in lesson 15.
DEV_ONLY_CSRF_SECRET = "dev-only-csrf-secret-do-not-deploy-0123"  # noqa: S105 - see above

CSRF = CSRFConfig(
    secret=os.environ.get("LESSON16_CSRF_SECRET", DEV_ONLY_CSRF_SECRET),
    # A GET, HEAD or OPTIONS request gets a "csrftoken" cookie; every other method must
    # send the same token back in an "x-csrftoken" header (or a "_csrf_token" form field).
    # The cookie is not HttpOnly: your own page's JavaScript reads it to fill the header.
    cookie_secure=True,
)

app = Litestar(
    route_handlers=[register, login, me, logout, list_books, borrow],
    csrf_config=CSRF,
    on_app_init=[session_auth.on_app_init],
)
# --8<-- [end:csrf]
