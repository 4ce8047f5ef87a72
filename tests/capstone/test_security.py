"""OWASP API security: login rate limits, strict headers, bounded WebSocket messages,
no tracebacks and no open CORS by default."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from litestar import Litestar, get
from litestar.datastructures import MutableScopeHeaders
from litestar.exceptions import WebSocketDisconnect
from litestar.middleware import ASGIMiddleware
from litestar.middleware.rate_limit import RateLimitConfig
from litestar.testing import TestClient
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from capstone.app import create_app
from capstone.config import ConfigurationError, Settings
from capstone.http.events import MAX_MESSAGE_BYTES
from tests.capstone.conftest import sign_up

Client = TestClient[Litestar]
Headers = dict[str, str]
WRONG = {"username": "ada", "password": "not her password"}
STRICT = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}
API_CSP = "default-src 'none'; frame-ancestors 'none'"


@pytest.fixture
def limited(tmp_path: Path) -> Iterator[Client]:
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}", login_rate_limit="3/minute"
    )
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_the_fourth_login_attempt_in_a_minute_is_429_until_the_window_ends(
    frozen_clock: time_machine.Traveller, limited: Client
) -> None:
    for remaining in ("2", "1", "0"):
        attempt = limited.post("/auth/login", json=WRONG)
        assert attempt.status_code == 401
        assert attempt.headers["RateLimit-Remaining"] == remaining

    refused = limited.post("/auth/login", json=WRONG)

    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "60"
    assert refused.headers["X-Request-ID"]
    assert refused.json() == {
        "status": 429,
        "title": "Too Many Requests",
        "detail": "Too many attempts from your address; retry later",
        "fields": [],
    }
    frozen_clock.shift(timedelta(seconds=59))
    assert limited.post("/auth/login", json=WRONG).status_code == 429
    assert limited.post("/auth/login", json=WRONG).headers["Retry-After"] == "1"
    frozen_clock.shift(timedelta(seconds=1))
    assert limited.post("/auth/login", json=WRONG).status_code == 401


def test_register_and_login_share_the_limit_and_other_routes_have_none(
    frozen_clock: time_machine.Traveller, limited: Client
) -> None:
    ada = sign_up(limited, "ada")  # a register and a login: 2 of 3
    assert limited.post("/auth/login", json=WRONG).status_code == 401
    assert (
        limited.post("/auth/register", json={"username": "bob", "password": "x" * 8}).status_code
        == 429
    )
    for _ in range(5):
        assert limited.get("/me", headers=ada).status_code == 200
        assert "RateLimit-Limit" not in limited.get("/me", headers=ada).headers


def test_each_client_address_has_its_own_limit(
    frozen_clock: time_machine.Traveller, tmp_path: Path
) -> None:
    app = create_app(
        Settings(
            database_url=f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}",
            login_rate_limit="1/hour",
        )
    )

    async def from_address(scope: Scope, receive: Receive, send: Send) -> None:
        # The test client always says it is "testclient": take the address from a header.
        headers = dict(scope.get("headers", []))
        scope["client"] = (headers.get(b"x-test-address", b"testclient").decode(), 50000)
        await app(scope, receive, send)

    with TestClient(from_address) as client:
        assert client.post("/auth/login", json=WRONG).status_code == 401
        assert client.post("/auth/login", json=WRONG).status_code == 429
        elsewhere = {"X-Test-Address": "192.0.2.7"}
        assert client.post("/auth/login", json=WRONG, headers=elsewhere).status_code == 401
        assert client.post("/auth/login", json=WRONG, headers=elsewhere).status_code == 429


@pytest.mark.parametrize("value", ["5", "5/fortnight", "0/minute", "five/minute", "5/minute/2"])
def test_a_malformed_login_rate_limit_stops_the_app_from_starting(value: str) -> None:
    with pytest.raises(ConfigurationError, match="LOGIN_RATE_LIMIT must look like 5/minute"):
        Settings.from_env({"LOGIN_RATE_LIMIT": value})


def test_login_rate_limit_comes_from_the_environment() -> None:
    settings = Settings.from_env({"LOGIN_RATE_LIMIT": " 20/hour "})
    assert settings.login_rate == ("hour", 20)
    assert Settings().login_rate == ("minute", 10)


# Secure headers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/health", 200),
        ("GET", "/tasks", 401),  # answered by the auth middleware's error
        ("GET", "/no/such/path", 404),  # answered before any route or middleware runs
        ("POST", "/tasks", 401),
    ],
)
def test_every_response_has_the_strict_headers(
    client: Client, method: str, path: str, status: int
) -> None:
    response = client.request(method, path)
    assert response.status_code == status
    assert {name: response.headers.get(name) for name in STRICT} == STRICT
    assert response.headers["Content-Security-Policy"] == API_CSP


def test_a_500_has_the_strict_headers_too(settings: Settings) -> None:
    @get("/boom", exclude_from_auth=True)
    async def boom() -> None:
        raise RuntimeError("a bug")

    app = create_app(settings)
    app.register(boom)
    with TestClient(app) as client:
        response = client.get("/boom")
    assert response.status_code == 500
    assert {name: response.headers.get(name) for name in STRICT} == STRICT
    assert response.headers["Content-Security-Policy"] == API_CSP


def test_each_strict_header_and_the_request_id_is_sent_once(client: Client) -> None:
    # around_every_request adds them without looking: nothing else may add them too.
    ada = sign_up(client, "ada")
    task = client.post("/tasks", json={"title": "Mine"}, headers=ada)
    answers = [
        task,
        client.get(f"/tasks/{task.json()['id']}", headers=ada),
        client.patch(
            f"/tasks/{task.json()['id']}", json={"title": "x"}, headers={**ada, "If-Match": '"9"'}
        ),
        client.get("/tasks"),  # 401
        client.get("/no/such/path"),  # 404
        client.get("/schema/swagger"),
    ]
    assert [answer.status_code for answer in answers] == [201, 200, 412, 401, 404, 200]
    for answer in answers:
        for name in [*STRICT, "X-Request-ID"]:
            assert len(answer.headers.get_list(name)) == 1, (answer.url, name)
    assert "Content-Security-Policy" not in answers[-1].headers


def test_the_api_docs_pages_get_no_content_security_policy(client: Client) -> None:
    # Swagger UI runs an inline script and loads its code from cdn.jsdelivr.net.
    page = client.get("/schema/swagger")
    assert page.status_code == 200
    assert "<script>" in page.text or "<script " in page.text
    assert "cdn.jsdelivr.net" in page.text
    assert "content-security-policy" not in page.headers
    assert {name: page.headers.get(name) for name in STRICT} == STRICT


# WebSocket message size -----------------------------------------------------------------


def test_a_websocket_message_over_4_kib_closes_the_socket_with_1009(
    client: Client, ada: Headers
) -> None:
    token = ada["Authorization"].removeprefix("Bearer ")
    with client.websocket_connect(f"/events/ws?token={token}") as socket:
        socket.send_text("x" * MAX_MESSAGE_BYTES)  # at the limit: ignored
        socket.send_bytes(b"x" * MAX_MESSAGE_BYTES)
        socket.send_text("é" * (MAX_MESSAGE_BYTES // 2 + 1))  # counted in UTF-8 bytes
        with pytest.raises(WebSocketDisconnect) as closed:
            socket.receive_text()
    assert closed.value.code == 1009


def test_a_binary_message_over_4_kib_is_refused_too(client: Client, ada: Headers) -> None:
    token = ada["Authorization"].removeprefix("Bearer ")
    with client.websocket_connect(f"/events/ws?token={token}") as socket:
        socket.send_bytes(b"x" * (MAX_MESSAGE_BYTES + 1))
        with pytest.raises(WebSocketDisconnect) as closed:
            socket.receive_text()
    assert closed.value.code == 1009


# Production mode and CORS ---------------------------------------------------------------


def test_a_500_in_production_tells_the_client_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.setenv("JWT_SECRET", "s" * 40)
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    monkeypatch.delenv("CORS_ORIGINS", raising=False)

    @get("/boom", exclude_from_auth=True)
    async def boom() -> None:
        raise RuntimeError("secret internals at /srv/app/capstone/http/tasks.py")

    app = create_app(Settings.from_env())
    app.register(boom)
    with TestClient(app) as client:
        response = client.get("/boom")
    assert response.status_code == 500
    assert response.json() == {
        "status": 500,
        "title": "Internal Server Error",
        "detail": "Something went wrong on our side",
        "fields": [],
    }
    assert "Traceback" not in response.text
    assert "secret internals" not in response.text


def test_cors_is_closed_by_default(client: Client, ada: Headers) -> None:
    origin = {"Origin": "https://evil.example"}
    preflight = client.options(
        "/tasks", headers={**origin, "Access-Control-Request-Method": "POST"}
    )
    responses = [
        preflight,
        client.get("/tasks", headers={**ada, **origin}),
        client.get("/health", headers=origin),
    ]
    for response in responses:
        assert "access-control-allow-origin" not in response.headers
        assert "*" not in response.headers.get("access-control-allow-origin", "")


# What Litestar does on its own: the two facts the capstone works around -----------------


def test_litestar_s_429_has_no_retry_after() -> None:
    @get("/login")
    async def login() -> None:
        return None

    limit = RateLimitConfig(rate_limit=("minute", 1))
    with TestClient(Litestar([login], middleware=[limit.middleware])) as client:
        client.get("/login")
        refused = client.get("/login")
    assert refused.status_code == 429
    assert refused.headers["RateLimit-Reset"]
    assert "Retry-After" not in refused.headers


class MarkingMiddleware(ASGIMiddleware):
    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        async def marked(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableScopeHeaders.from_message(message)["X-Marked"] = "yes"
            await send(message)

        await next_app(scope, receive, marked)


def test_middleware_never_sees_a_404_for_an_unknown_path() -> None:
    # Why the capstone adds its headers around the whole app (around_every_request).
    @get("/known")
    async def known() -> None:
        return None

    with TestClient(Litestar([known], middleware=[MarkingMiddleware()])) as client:
        assert client.get("/known").headers["X-Marked"] == "yes"
        unknown = client.get("/unknown")
    assert unknown.status_code == 404
    assert "X-Marked" not in unknown.headers
