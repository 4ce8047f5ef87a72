"""Step 04: with CSRFConfig a forged POST is a 403; without it, the same POST borrows a book."""

from litestar import Litestar
from litestar.config.csrf import CSRFConfig
from litestar.testing import TestClient

from lessons.l15_auth.step01_passwords import register
from lessons.l15_auth.step02_tokens import app as bearer_app
from lessons.l16_sessions.step01_sessions import logout, me, session_auth
from lessons.l16_sessions.step02_fixation import login
from lessons.l16_sessions.step04_csrf import CSRF, DEV_ONLY_CSRF_SECRET, app, borrow, list_books
from tests.lessons.l16_sessions.support import (
    PASSWORD,
    https_client,
    record_exchange,
    sign_in,
)
from tests.transcripts import MakeTranscript

# What a page on another site can make a browser send: a form POST with the site's cookies
# (the browser adds them) and an Origin it cannot fake, but no header of the page's choosing.
FORGED = {"content-type": "application/x-www-form-urlencoded", "origin": "https://evil.example"}


def app_with(csrf_config: CSRFConfig | None) -> Litestar:
    """Step 4's app with another csrf_config (None: without the line)."""
    return Litestar(
        route_handlers=[register, login, me, logout, list_books, borrow],
        csrf_config=csrf_config,
        on_app_init=[session_auth.on_app_init],
    )


def csrf_token(client: TestClient[Litestar], path: str = "/books") -> str:
    """What your own page does: any safe request gets the token cookie, and the page reads it."""
    client.get(path)
    token: str = client.cookies["csrftoken"]
    return token


def forge(client: TestClient[Litestar], session_id: str, book: int = 1) -> int:
    client.cookies.clear()
    cookie = {"cookie": f"session={session_id}"}
    return client.post(f"/books/{book}/borrow", headers={**FORGED, **cookie}).status_code


def test_without_csrf_protection_a_forged_post_borrows_the_book(
    transcript: MakeTranscript,
) -> None:
    record = transcript("l16_sessions/forged-unprotected")
    with https_client(app_with(None)) as client:
        session_id = sign_in(client, record=record)
        client.cookies.clear()
        forged = client.post(
            "/books/1/borrow", headers={**FORGED, "cookie": f"session={session_id}"}
        )
        record_exchange(record, forged, headers=())
    assert forged.status_code == 201
    assert forged.json() == {"book_id": 1, "title": "Dune", "borrower": "ada"}


def test_with_csrf_protection_the_forged_post_is_403(transcript: MakeTranscript) -> None:
    record = transcript("l16_sessions/forged-refused")
    with https_client(app) as client:
        record_exchange(record, client.get("/books"))
        token = client.cookies["csrftoken"]
        session_id = sign_in(client, headers={"x-csrftoken": token}, record=record)
        client.cookies.clear()
        forged = client.post(
            "/books/1/borrow", headers={**FORGED, "cookie": f"session={session_id}"}
        )
        record_exchange(record, forged, headers=())
    assert forged.status_code == 403
    assert forged.json() == {"status_code": 403, "detail": "CSRF token verification failed"}


def test_your_own_page_sends_the_token_back(transcript: MakeTranscript) -> None:
    record = transcript("l16_sessions/csrf-token")
    with https_client(app) as client:
        books = client.get("/books")
        record_exchange(record, books)
        token = client.cookies["csrftoken"]
        session_id = sign_in(client, headers={"x-csrftoken": token}, record=record)
        client.cookies.clear()
        both = {"cookie": f"session={session_id}; csrftoken={token}"}
        in_header = client.post("/books/2/borrow", headers={**both, "x-csrftoken": token})
        record_exchange(record, in_header, headers=())
        in_form = client.post("/books/3/borrow", headers=both, data={"_csrf_token": token})
    assert in_header.status_code == 201
    assert in_form.status_code == 201  # a form of your own carries it as _csrf_token


def test_the_token_cookie_and_its_flags() -> None:
    assert (CSRF.cookie_name, CSRF.header_name) == ("csrftoken", "x-csrftoken")
    assert CSRF.safe_methods == {"GET", "HEAD", "OPTIONS"}
    assert CSRF.secret == DEV_ONLY_CSRF_SECRET
    defaults = CSRFConfig(secret="x" * 32)
    assert (defaults.cookie_httponly, defaults.cookie_secure, defaults.cookie_samesite) == (
        False,
        False,
        "lax",
    )
    with https_client(app) as client:
        response = client.get("/books")
    token_cookie = next(c for c in response.headers.get_list("set-cookie") if "csrftoken" in c)
    # Not HttpOnly: your page's JavaScript must read it. 64 hex of token + 64 of HMAC.
    value, *flags = token_cookie.split("; ")
    assert flags == ["Path=/", "SameSite=lax", "Secure"]
    assert len(value.removeprefix("csrftoken=")) == 128


def test_a_token_the_attacker_makes_up_is_refused() -> None:
    # The double-submit check alone would accept any equal pair; the HMAC makes it a secret.
    made_up = "a" * 128
    with https_client(app) as client:
        session_id = sign_in(client, headers={"x-csrftoken": csrf_token(client)})
        client.cookies.clear()
        both = {"cookie": f"session={session_id}; csrftoken={made_up}", "x-csrftoken": made_up}
        response = client.post("/books/1/borrow", headers=both)
    assert response.status_code == 403


def test_authentication_comes_first_then_csrf() -> None:
    with https_client(app) as client:
        anonymous = client.post("/books/1/borrow", headers=FORGED)
        login_without_token = client.post("/login", json={"username": "ada", "password": PASSWORD})
    assert anonymous.status_code == 401  # the session middleware runs outside the CSRF check
    assert login_without_token.status_code == 403  # logging in needs the token too


def test_borrowing_rules() -> None:
    with https_client(app) as client:
        token = csrf_token(client)
        sign_in(client, headers={"x-csrftoken": token})
        first = client.post("/books/1/borrow", headers={"x-csrftoken": token})
        again = client.post("/books/1/borrow", headers={"x-csrftoken": token})
        missing = client.post("/books/9/borrow", headers={"x-csrftoken": token})
    assert first.status_code == 201
    assert again.status_code == 409
    assert missing.status_code == 404


def test_a_bearer_token_api_is_not_open_to_forged_requests() -> None:
    # The browser adds cookies to a cross-site request by itself, never an Authorization
    # header: lesson 15's API, which reads only that header, refuses the forgery.
    with TestClient(bearer_app) as client:
        client.post("/register", json={"username": "ada", "password": PASSWORD})
        client.post("/login", json={"username": "ada", "password": PASSWORD})
        forged = client.delete("/me", headers={**FORGED, "cookie": "session=anything"})
    assert forged.status_code == 401


# --8<-- [start:pitfall-exclude]
def test_an_exclusion_wider_than_one_route_reopens_the_hole() -> None:
    # Meant for "GET /books is public"; but safe methods never need a token, and the
    # pattern, searched anywhere in the path, also matches /books/1/borrow.
    too_wide = CSRFConfig(secret=DEV_ONLY_CSRF_SECRET, cookie_secure=True, exclude=["/books"])
    with https_client(app_with(too_wide)) as client:
        token = csrf_token(client, "/schema/openapi.json")  # /books sets none any more
        session_id = sign_in(client, headers={"x-csrftoken": token})
        assert forge(client, session_id) == 201  # borrowed by the forgery


# --8<-- [end:pitfall-exclude]
