"""Checks for lesson 16, exercise 1: log out for real."""

from lessons.kit import Checks, Client

checks = Checks()
PASSWORD = "a long enough password"  # noqa: S105 - the checks' own test member


def sign_in(client: Client) -> dict[str, str]:
    """Register rosa (again, if an earlier check did), log in, return her session cookie."""
    body = {"username": "rosa", "password": PASSWORD}
    client.post("/register", json=body)
    # The login is the lesson's own (step 2): it always sets the cookie.
    return {"session": client.post("/login", json=body).response.cookies["session"]}


@checks.add("POST /logout with rosa's session cookie is 204")
def logs_out(client: Client) -> None:
    client.post("/logout", cookies=sign_in(client)).expect(
        204, nudge="keep the route's status_code: a logout creates nothing"
    )


@checks.add("after logout, the same cookie gets 401 at GET /me", needs=logs_out)
def old_cookie_is_dead(client: Client) -> None:
    cookie = sign_in(client)
    client.post("/logout", cookies=cookie)
    client.get("/me", cookies=cookie).expect(
        401,
        nudge="a copy of the cookie still logs in: the session must go from the store, "
        "not only from the browser",
    )


@checks.add("another member's session survives rosa's logout", needs=old_cookie_is_dead)
def others_stay(client: Client) -> None:
    tom = {"username": "tom", "password": PASSWORD}
    client.post("/register", json=tom)
    toms = {"session": client.post("/login", json=tom).response.cookies["session"]}
    client.post("/logout", cookies=sign_in(client))
    client.get("/me", cookies=toms).expect(200, json_has={"username": "tom"})


@checks.add(
    "POST /logout without a session is 401",
    passes_on_start="the session middleware answers before your handler runs",
)
def strangers_are_401(client: Client) -> None:
    client.post("/logout").expect(401, nudge="logging out needs a session: keep the route guarded")
