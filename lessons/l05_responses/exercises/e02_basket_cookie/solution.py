"""Keep the basket cookie safe."""

import secrets

from litestar import Litestar, Response, delete, get, post
from litestar.datastructures import Cookie
from litestar.params import FromCookie

BASKETS: dict[str, list[str]] = {}
SEVEN_DAYS = 7 * 24 * 60 * 60  # Max-Age counts seconds


@post("/basket", status_code=200)
async def new_basket() -> Response[dict[str, str]]:
    basket_id = secrets.token_urlsafe(16)
    BASKETS[basket_id] = []
    # HttpOnly: no page script (nor an injected one) can read it. Secure: never sent over
    # plain HTTP. SameSite=lax: not sent with requests other sites' pages make.
    cookie = Cookie(
        key="basket",
        value=basket_id,
        httponly=True,
        secure=True,
        samesite="lax",
        max_age=SEVEN_DAYS,
    )
    return Response({"basket": basket_id}, cookies=[cookie])


@get("/basket")
async def show_basket(basket: FromCookie[str | None] = None) -> dict[str, list[str]]:
    return {"items": BASKETS.get(basket or "", [])}


@delete("/basket", status_code=200)
async def forget_basket(basket: FromCookie[str | None] = None) -> Response[dict[str, str]]:
    BASKETS.pop(basket or "", None)
    response = Response({"basket": "forgotten"})
    response.delete_cookie("basket")  # the same name and path, with Max-Age=0
    return response


app = Litestar(route_handlers=[new_basket, show_basket, forget_basket])
