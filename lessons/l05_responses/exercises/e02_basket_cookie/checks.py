"""Checks for lesson 05, exercise 2: keep the basket cookie safe."""

from http.cookies import Morsel, SimpleCookie

from lessons.kit import Checks, Client, Reply

checks = Checks()


def basket_cookie(reply: Reply) -> Morsel[str]:
    """The basket cookie the reply sets; a check fails when there is none."""
    jar: SimpleCookie = SimpleCookie()
    for header in reply.response.headers.get_list("set-cookie"):
        jar.load(header)
    if "basket" not in jar:
        raise reply.failure("a Set-Cookie header for the basket cookie")
    return jar["basket"]


def new_basket_cookie(client: Client) -> tuple[Reply, Morsel[str]]:
    reply = client.post("/basket").expect(200)
    return reply, basket_cookie(reply)


@checks.add(
    "POST /basket sets the basket cookie, and GET /basket reads it back",
    passes_on_start="the basket works already; this check makes sure it stays so",
)
def basket_works(client: Client) -> None:
    reply, cookie = new_basket_cookie(client)
    if cookie.value != reply.json().get("basket"):
        raise reply.failure("the cookie's value is the basket id")
    client.get("/basket", cookies={"basket": cookie.value}).expect(200, json={"items": []})


def expect_attribute(
    client: Client, attribute: str, accepted: set[str], expected: str, nudge: str
) -> None:
    """The new basket cookie's `attribute` is one of `accepted` (flags read as "true")."""
    reply, cookie = new_basket_cookie(client)
    value = str(cookie[attribute]).lower()
    if value not in accepted:
        sent = reply.headers.get("set-cookie")
        raise reply.failure(f"{expected}\n          but the cookie sent is: {sent}", nudge=nudge)


@checks.add("the cookie is HttpOnly", needs=basket_works)
def http_only(client: Client) -> None:
    expect_attribute(
        client, "httponly", {"true"}, "HttpOnly", "which flag hides a cookie from document.cookie?"
    )


@checks.add("the cookie is Secure", needs=basket_works)
def secure(client: Client) -> None:
    expect_attribute(
        client, "secure", {"true"}, "Secure", "which flag keeps it off plain http:// requests?"
    )


@checks.add(
    "the cookie is SameSite=Lax or Strict",
    needs=basket_works,
    passes_on_start="Litestar's default is SameSite=lax; this check makes sure it stays so",
)
def same_site(client: Client) -> None:
    expect_attribute(
        client,
        "samesite",
        {"lax", "strict"},
        "SameSite=Lax or Strict",
        "None sends the cookie with every other site's requests",
    )


@checks.add("the cookie is kept for 7 days (Max-Age=604800)", needs=basket_works)
def lifetime(client: Client) -> None:
    expect_attribute(
        client,
        "max-age",
        {"604800"},
        "Max-Age=604800",
        "Max-Age counts seconds, and Expires is not Max-Age",
    )


@checks.add("DELETE /basket tells the browser to drop the cookie", needs=basket_works)
def forgets(client: Client) -> None:
    _, cookie = new_basket_cookie(client)
    reply = client.delete("/basket", cookies={"basket": cookie.value}).expect(200)
    dropped = basket_cookie(reply)
    if dropped["max-age"] != "0" or dropped["path"] != cookie["path"]:
        raise reply.failure(
            "the basket cookie again, with the same Path and Max-Age=0",
            nudge="a browser forgets a cookie when told it has expired",
        )
    client.get("/basket", cookies={"basket": cookie.value}).expect(200, json={"items": []})
