"""Step 03: headers and Cache-Control on the decorator; a cookie with its flags on the Response."""

from datetime import UTC, datetime

import time_machine
from litestar.datastructures import Cookie
from litestar.testing import TestClient

from lessons.l05_responses.step03_headers_cookies import THIRTY_DAYS, app
from tests.transcripts import MakeTranscript

HTTPS = "https://testserver.local"  # where TestClient sends requests when Secure cookies matter


def test_declared_headers_come_with_every_response(transcript: MakeTranscript) -> None:
    record = transcript("l05_responses/headers")
    with TestClient(app) as client:
        response = record(client.get("/books"), headers=("x-branch", "cache-control"))

    assert response.headers["x-branch"] == "Riverside"
    assert response.headers["cache-control"] == "max-age=300, public"


def test_the_schema_documents_the_declared_header() -> None:
    with TestClient(app) as client:
        ok = client.get("/schema/openapi.json").json()["paths"]["/books"]["get"]["responses"]["200"]

    assert set(ok["headers"]) == {"X-Branch", "cache-control"}


def test_signing_in_sets_a_cookie_with_every_flag(transcript: MakeTranscript) -> None:
    record = transcript("l05_responses/cookie")
    with TestClient(app, base_url=HTTPS) as client:
        response = record(client.post("/reader", json={"card": "R-1001"}), headers=("set-cookie",))

    assert response.headers["set-cookie"] == (
        f"reader=R-1001; HttpOnly; Max-Age={THIRTY_DAYS}; Path=/; SameSite=lax; Secure"
    )


def test_the_browser_sends_the_cookie_back_over_https() -> None:
    with TestClient(app, base_url=HTTPS) as client:
        client.post("/reader", json={"card": "R-1001"})
        response = client.get("/reader")

    assert response.json() == {"reader": "R-1001"}
    assert response.headers["cache-control"] == "no-store, private"


def test_a_secure_cookie_is_not_sent_back_over_plain_http() -> None:
    # TestClient's default base URL is http://: its cookie jar, like a browser, keeps the
    # Secure cookie but never sends it there. Test secure cookies against https://.
    with TestClient(app) as client:
        client.post("/reader", json={"card": "R-1001"})
        response = client.get("/reader")

    assert "reader" in client.cookies
    assert response.json() == {"reader": None}


def test_signing_out_expires_the_cookie() -> None:
    with (
        time_machine.travel(datetime(2026, 1, 5, 9, 0, tzinfo=UTC), tick=False),
        TestClient(app, base_url=HTTPS) as client,
    ):
        client.post("/reader", json={"card": "R-1001"})
        response = client.post("/reader/sign-out")
        after = client.get("/reader")

    assert response.headers["set-cookie"] == (
        'reader=""; expires=Mon, 05 Jan 2026 09:00:00 GMT; Max-Age=0; Path=/; SameSite=lax'
    )
    assert after.json() == {"reader": None}


def test_a_card_number_is_checked_before_any_cookie_is_set() -> None:
    with TestClient(app, base_url=HTTPS) as client:
        response = client.post("/reader", json={"card": "1001"})

    assert response.status_code == 400
    assert "set-cookie" not in response.headers


def test_a_cookie_has_only_path_and_samesite_lax_unless_you_ask() -> None:
    # --8<-- [start:defaults]
    cookie = Cookie(key="reader", value="R-1001")
    # --8<-- [end:defaults]

    # No HttpOnly (page scripts can read it), no Secure (sent over plain HTTP too), and
    # no Max-Age or Expires: a session cookie, gone when the browser closes.
    assert cookie.to_header() == "Set-Cookie: reader=R-1001; Path=/; SameSite=lax"
