"""Response headers, cookies and Cache-Control, declared where they belong."""

# --8<-- [start:app]
from typing import Annotated

import msgspec
from litestar import Litestar, Response, get, post
from litestar.datastructures import CacheControlHeader, Cookie, ResponseHeader
from litestar.params import FromCookie, JSONBody

from lessons.l05_responses.library import BOOKS, Book

THIRTY_DAYS = 30 * 24 * 60 * 60


class Reader(msgspec.Struct):
    card: Annotated[str, msgspec.Meta(pattern=r"^R-\d{4}$")]  # a card number: R-1234


# --8<-- [start:headers]
# The same for every response of the handler: declared on the decorator, which also
# documents them in /schema. Any shared cache may keep the list for five minutes.
@get(
    "/books",
    response_headers=[ResponseHeader(name="X-Branch", value="Riverside")],
    cache_control=CacheControlHeader(public=True, max_age=300),
)
async def list_books() -> list[Book]:
    return list(BOOKS.values())


# --8<-- [end:headers]
# --8<-- [start:cookies]
# A value only known at run time goes on the Response. Each flag closes one door:
# HttpOnly (page scripts cannot read it), Secure (only sent over HTTPS), SameSite=lax
# (not sent with other sites' form posts), Max-Age (kept 30 days, not until the browser closes).
@post("/reader", status_code=200)
async def sign_in(data: JSONBody[Reader]) -> Response[dict[str, str]]:
    cookie = Cookie(
        key="reader",
        value=data.card,
        httponly=True,
        secure=True,
        samesite="lax",
        max_age=THIRTY_DAYS,
    )
    return Response({"reader": data.card}, cookies=[cookie])


# One reader's data: "private, no-store" keeps it out of shared caches and off the disk.
@get("/reader", cache_control=CacheControlHeader(private=True, no_store=True))
async def whoami(reader: FromCookie[str | None] = None) -> dict[str, str | None]:
    return {"reader": reader}


@post("/reader/sign-out", status_code=200)
async def sign_out() -> Response[dict[str, str | None]]:
    response = Response[dict[str, str | None]]({"reader": None})
    response.delete_cookie("reader")  # the same cookie, with Max-Age=0: the browser drops it
    return response


# --8<-- [end:cookies]
app = Litestar(route_handlers=[list_books, sign_in, whoami, sign_out])
# --8<-- [end:app]
