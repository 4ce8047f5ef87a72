"""Keep the basket cookie safe.

Your task (the whole contract is in task.md, or on the lesson page):
the basket cookie works, but page scripts can read it, it travels over plain HTTP and it
is gone when the browser closes. Make it HttpOnly and Secure, SameSite lax or strict,
kept for 7 days; and make DELETE /basket remove it from the browser.
"""

import secrets

from litestar import Litestar, Response, delete, get, post
from litestar.datastructures import Cookie
from litestar.params import FromCookie

BASKETS: dict[str, list[str]] = {}


@post("/basket", status_code=200)
async def new_basket() -> Response[dict[str, str]]:
    basket_id = secrets.token_urlsafe(16)
    BASKETS[basket_id] = []
    # TODO: this cookie has none of the flags it needs, and no lifetime.
    return Response({"basket": basket_id}, cookies=[Cookie(key="basket", value=basket_id)])


@get("/basket")
async def show_basket(basket: FromCookie[str | None] = None) -> dict[str, list[str]]:
    return {"items": BASKETS.get(basket or "", [])}


@delete("/basket", status_code=200)
async def forget_basket(basket: FromCookie[str | None] = None) -> Response[dict[str, str]]:
    BASKETS.pop(basket or "", None)
    # TODO: the browser keeps sending the cookie: tell it to drop it.
    return Response({"basket": "forgotten"})


app = Litestar(route_handlers=[new_basket, show_basket, forget_basket])
