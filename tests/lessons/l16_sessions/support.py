"""Helpers shared by this lesson's tests."""

import re
from datetime import UTC, datetime

import httpx
from litestar import Litestar
from litestar.testing import TestClient

from tests.transcripts import Transcript, render_exchange

PASSWORD = "correct horse battery staple"
# The cookies are Secure, so the test client, like a browser, sends them back only over https.
HTTPS = "https://testserver.local"
# Transcripts that show a cookie being deleted show its expiry date: the clock stands still.
FROZEN = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
_LONG_HEX = re.compile(r"[0-9a-f]{64,}")


def https_client(app: Litestar) -> TestClient[Litestar]:
    return TestClient(app, base_url=HTTPS)


def sign_in(
    client: TestClient[Litestar],
    username: str = "ada",
    headers: dict[str, str] | None = None,
    record: Transcript | None = None,
) -> str:
    """Register and log in (recorded, when a transcript is given); return the session id.

    The client's jar keeps the cookie too. A transcript shows both requests: they made the
    session the requests after them use.
    """
    body = {"username": username, "password": PASSWORD}
    registered = client.post("/register", json=body, headers=headers)
    response = client.post("/login", json=body, headers=headers)
    if record is not None:
        record_exchange(record, registered)
        record_exchange(record, response)
    assert response.status_code == 200, response.text
    session_id: str = response.cookies["session"]
    return session_id


def record_exchange(
    record: Transcript, response: httpx.Response, headers: tuple[str, ...] = ("set-cookie",)
) -> httpx.Response:
    """Record an exchange, each session id or CSRF token cut to its first 8 characters."""
    text = render_exchange(response, headers)
    record.add_text(_LONG_HEX.sub(lambda found: found[0][:8] + "…", text))
    return response
