"""Checks for lesson 16, exercise 2: guard the loan desk."""

from lessons.kit import CheckFailed, Checks, Client

checks = Checks()
PASSWORD = "a long enough password"  # noqa: S105 - the checks' own test member
DROP = {"x-drop-key": "exercise-only-drop-key"}
# What another site's form makes a browser send: the member's cookie, and no header of its own.
FORGED = {"content-type": "application/x-www-form-urlencoded", "origin": "https://evil.example"}


def csrf_token(client: Client) -> str:
    """Any safe request sets the token: the schema too, should /books be exempt by mistake."""
    for path in ("/books", "/schema/openapi.json"):
        if token := client.get(path).response.cookies.get("csrftoken"):
            return token
    return ""  # no CSRF protection yet: nothing to send


def sign_in(client: Client) -> dict[str, str]:
    """As the library's own page does: get the token, then register and log in with it."""
    token = csrf_token(client)
    body, headers = {"username": "rosa", "password": PASSWORD}, {"x-csrftoken": token}
    cookies = {"csrftoken": token} if token else {}
    client.post("/register", json=body, headers=headers, cookies=cookies)
    reply = client.post("/login", json=body, headers=headers, cookies=cookies)
    if "session" not in reply.response.cookies:
        raise CheckFailed(
            request=reply.request,
            expected="a session cookie (send the CSRF token with the login)",
            received=reply.received(),
        )
    return {**cookies, "session": reply.response.cookies["session"]}


@checks.add("a forged form POST /books/1/borrow with rosa's session cookie is 403")
def forgery_is_refused(client: Client) -> None:
    cookies = sign_in(client)
    client.post("/books/1/borrow", headers=FORGED, cookies={"session": cookies["session"]}).expect(
        403, nudge="the forged request borrowed the book: the app has no CSRF protection yet"
    )


@checks.add(
    "POST /books/2/borrow with the token from GET /books in x-csrftoken is 201",
    passes_on_start="without protection every request passes; this must stay so",
)
def own_page_borrows(client: Client) -> None:
    cookies = sign_in(client)
    headers = {"x-csrftoken": cookies.get("csrftoken", "")}
    client.post("/books/2/borrow", headers=headers, cookies=cookies).expect(
        201, json_has={"borrower": "rosa"}
    )


@checks.add(
    "the book drop POSTs /books/2/returned with its key and no token: 200",
    needs=forgery_is_refused,
)
def book_drop_works(client: Client) -> None:
    client.post("/books/2/returned", headers=DROP).expect(
        200, json={"returned": 2}, nudge="the machine has no token to send: exempt its route only"
    )


@checks.add("the book drop with a wrong key is 401", needs=book_drop_works)
def drop_key_is_checked(client: Client) -> None:
    client.post("/books/2/returned", headers={"x-drop-key": "guess"}).expect(401)


@checks.add(
    "a forged POST /books/3/borrow is still 403 with the book drop exempt",
    needs=book_drop_works,
)
def exemption_is_narrow(client: Client) -> None:
    cookies = sign_in(client)
    client.post("/books/3/borrow", headers=FORGED, cookies={"session": cookies["session"]}).expect(
        403, nudge="the exemption covers more than the book drop's route"
    )
