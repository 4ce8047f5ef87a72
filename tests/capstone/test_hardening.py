"""What an outsider could do with the defaults, and what a failing dependency does: each test
here pins the fix of something the capstone once got wrong (issue 13)."""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import anyio
import jwt
import pytest
from advanced_alchemy.extensions.litestar import SQLAlchemyPlugin
from argon2 import PasswordHasher
from litestar import Litestar
from litestar.exceptions import WebSocketDisconnect
from litestar.testing import TestClient
from sqlalchemy.engine import make_url

from capstone.app import create_app
from capstone.config import PUBLIC_SECRETS, Settings
from capstone.domain import users
from capstone.http.auth import AUDIENCE, ISSUER
from capstone.http.middleware import BodyDeadlineMiddleware
from capstone.storage.channels import LiveEvents
from tests.capstone.conftest import TEST_SECRET, sign_up, signed
from tests.capstone.test_operations import JSONLines
from tests.capstone.test_scale_out import wait_for_subscriber
from tests.services import isolated_postgres_database, require_redis, run_sql

Client = TestClient[Litestar]
Headers = dict[str, str]
GUARD_SECONDS = 10.0


@contextlib.contextmanager
def capstone_log() -> Iterator[JSONLines]:
    """The app's log lines; entered once the app has started (and configured logging)."""
    handler = JSONLines()
    logging.getLogger("capstone").addHandler(handler)
    try:
        yield handler
    finally:
        logging.getLogger("capstone").removeHandler(handler)


def bearer(token: str) -> Headers:
    return {"Authorization": f"Bearer {token}"}


# --- tokens ------------------------------------------------------------------------------------


def test_a_token_signed_with_a_published_secret_is_refused_by_a_default_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a development start with no environment at all
    settings = Settings.from_env({"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'db'}"})
    with TestClient(create_app(settings)) as client:
        sign_up(client)
        forged = {
            s: client.get("/me", headers=bearer(signed({"sub": "1"}, s))) for s in PUBLIC_SECRETS
        }

    assert {response.status_code for response in forged.values()} == {401}


@pytest.mark.parametrize(
    "claims",
    [
        {"sub": "1", "exp": 9_999_999_999, "aud": AUDIENCE},
        {"sub": "1", "exp": 9_999_999_999, "iss": ISSUER},
        {"sub": "1", "exp": 9_999_999_999, "iss": "someone-else", "aud": AUDIENCE},
        {"sub": "1", "exp": 9_999_999_999, "iss": ISSUER, "aud": "another-service"},
    ],
    ids=["no issuer", "no audience", "another issuer", "another audience"],
)
def test_a_token_for_another_issuer_or_audience_authenticates_nobody(
    client: Client, claims: dict[str, Any]
) -> None:
    sign_up(client)
    token = jwt.encode(claims, TEST_SECRET, algorithm="HS256")  # signed with our secret

    response = client.get("/me", headers=bearer(token))

    assert (response.status_code, response.json()["detail"]) == (401, "Invalid token")


# --- logins ------------------------------------------------------------------------------------


@pytest.fixture
def limited(tmp_path: Path) -> Iterator[Client]:
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}",
        jwt_secret=TEST_SECRET,
        login_rate_limit="1000/minute",  # not the per-address limit: the per-account one
        account_login_limit="3/minute",
    )
    with TestClient(create_app(settings)) as client:
        yield client


def login(client: Client, username: str, password: str) -> Any:
    return client.post("/auth/login", json={"username": username, "password": password})


def test_failed_logins_are_limited_per_account(limited: Client) -> None:
    sign_up(limited, "ada")
    sign_up(limited, "bob")
    wrong = [login(limited, "ada", f"guess number {n}").status_code for n in range(3)]
    right_but_refused = login(limited, "ada", "correct horse")
    other_account = login(limited, "bob", "correct horse")

    assert wrong == [401, 401, 401]
    assert right_but_refused.status_code == 429
    assert right_but_refused.json()["detail"] == (
        "Too many failed logins for this account; retry later"
    )
    assert 0 < int(right_but_refused.headers["retry-after"]) <= 60
    assert other_account.status_code == 200


def test_a_successful_login_starts_the_count_again(limited: Client) -> None:
    sign_up(limited, "ada")
    login(limited, "ada", "wrong once")
    login(limited, "ada", "wrong twice")
    assert login(limited, "ada", "correct horse").status_code == 200

    assert [login(limited, "ada", "wrong again").status_code for _ in range(3)] == [401] * 3


def test_password_checks_run_two_at_a_time_and_refuse_a_long_queue() -> None:
    started, release = threading.Semaphore(0), threading.Event()
    running, most = 0, 0
    lock = threading.Lock()

    def slow_check(_: str) -> str:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        started.release()
        release.wait(GUARD_SECONDS)
        with lock:
            running -= 1
        return "checked"

    async def crowd() -> tuple[list[str], int]:
        results: list[str] = []
        refused = 0

        async def one() -> None:
            nonlocal refused
            try:
                results.append(await users._in_turn(slow_check, "pw"))
            except users.PasswordChecksBusyError:
                refused += 1

        async with anyio.create_task_group() as group:
            for _ in range(users.CONCURRENT_CHECKS + users.WAITING):
                group.start_soon(one)
            await anyio.sleep(0.2)  # all of them are running or waiting now
            await one()  # one more than the queue takes: refused at once
            release.set()
        return results, refused

    results, refused = anyio.run(crowd)

    assert most == users.CONCURRENT_CHECKS
    assert refused == 1
    assert results == ["checked"] * (users.CONCURRENT_CHECKS + users.WAITING)


def test_a_login_holds_no_database_connection_while_its_password_is_checked(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Logins waiting for their turn at argon2 once held every pooled connection, and every
    # other request waited 30 s for one.
    sign_up(client)
    engine = client.app.plugins.get(SQLAlchemyPlugin).config[0].get_engine()
    held: list[int] = []

    class Watching(PasswordHasher):
        def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
            held.append(engine.pool.checkedout())
            return super().verify(hash, password)

    monkeypatch.setattr(users, "PASSWORD_HASHER", Watching(time_cost=1, memory_cost=8))
    logged_in = login(client, "ada", "correct horse")
    wrong = login(client, "ada", "not the password")

    assert (logged_in.status_code, wrong.status_code) == (200, 401)
    assert held == [0, 0]


# --- readiness and a database that is gone -----------------------------------------------------


def test_a_deleted_sqlite_file_is_not_ready_and_refuses_writes(settings: Settings) -> None:
    path = Path(settings.database_url.removeprefix("sqlite+aiosqlite:///"))
    with TestClient(create_app(settings)) as client:
        assert client.get("/ready").status_code == 200
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()
        ready = client.get("/ready")
        registered = client.post(
            "/auth/register", json={"username": "lost", "password": "correct horse"}
        )

    assert (ready.status_code, ready.json()["detail"]) == (
        503,
        f"The database file {path} was deleted or replaced",
    )
    assert registered.status_code == 503  # never a 201 for a row nobody can read again
    assert not path.exists()  # and no empty database made in its place


def test_a_read_only_database_is_not_ready(tmp_path: Path, settings: Settings) -> None:
    with TestClient(create_app(settings)):
        pass  # migrated
    path = settings.database_url.removeprefix("sqlite+aiosqlite:///")
    read_only = Settings(
        database_url=f"sqlite+aiosqlite:///file:{path}?mode=ro&uri=true",
        migrate_on_start=False,
        jwt_secret=TEST_SECRET,
    )
    with TestClient(create_app(read_only)) as client:
        ready = client.get("/ready")

    assert (ready.status_code, ready.json()["detail"]) == (503, "The database is read-only")


def test_a_database_that_is_down_is_503_on_every_route_not_500() -> None:
    down = Settings(
        database_url="postgresql+asyncpg://postgres@127.0.0.1:1/tasks",
        migrate_on_start=False,
        jwt_secret=TEST_SECRET,
    )
    with TestClient(create_app(down)) as client:
        register = client.post("/auth/register", json={"username": "ada", "password": "pw pw pw"})
        tasks = client.get("/tasks", headers=bearer(signed({"sub": "1"})))

    for response in (register, tasks):
        assert response.status_code == 503
        assert response.json()["detail"] == "A service we depend on does not answer; retry shortly"
        assert response.headers["retry-after"] == "5"


# --- slow and many connections -----------------------------------------------------------------


def test_a_body_that_does_not_arrive_in_time_is_408(tmp_path: Path) -> None:
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}",
        jwt_secret=TEST_SECRET,
        body_seconds=0.3,
    )
    app = create_app(settings)

    async def half_a_body() -> list[dict[str, Any]]:
        sent: list[dict[str, Any]] = []
        chunks = [{"type": "http.request", "body": b'{"username": "a', "more_body": True}]

        async def receive() -> dict[str, Any]:
            if chunks:
                return chunks.pop()
            await anyio.sleep(GUARD_SECONDS)  # the rest never comes
            return {"type": "http.disconnect"}  # pragma: no cover

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        scope = {
            "type": "http",
            "http_version": "1.1",
            "method": "POST",
            "scheme": "http",
            "path": "/auth/register",
            "raw_path": b"/auth/register",
            "root_path": "",
            "query_string": b"",
            "headers": [(b"content-type", b"application/json"), (b"content-length", b"100")],
            "client": ("127.0.0.1", 1),
            "server": ("test", 80),
        }
        with anyio.fail_after(GUARD_SECONDS / 2):
            await app(scope, receive, send)  # type: ignore[arg-type]
        return sent

    with TestClient(app):  # started, so the database is there
        sent = anyio.run(half_a_body)

    start = sent[0]
    assert start["status"] == 408
    assert (b"connection", b"close") in start["headers"]
    assert json.loads(sent[1]["body"])["detail"] == "The request body did not arrive in time"


def test_a_user_may_hold_only_so_many_event_connections(tmp_path: Path) -> None:
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}",
        jwt_secret=TEST_SECRET,
        max_streams_per_user=2,
    )
    with TestClient(create_app(settings)) as client:
        ada, bob = sign_up(client, "ada"), sign_up(client, "bob")
        with (
            client.websocket_connect("/events/ws", headers=ada),
            client.websocket_connect("/events/ws", headers=ada),
        ):
            with (
                client.websocket_connect("/events/ws", headers=ada) as third,
                pytest.raises(WebSocketDisconnect) as refused,
            ):
                third.receive_text(timeout=GUARD_SECONDS)
            with client.websocket_connect("/events/ws", headers=bob) as bobs:
                created = client.post("/tasks", json={"title": "Bob's"}, headers=bob)
                heard = json.loads(bobs.receive_text(timeout=GUARD_SECONDS))
        # Closed, they give their places back.
        with client.websocket_connect("/events/ws", headers=ada) as again:
            mine = client.post("/tasks", json={"title": "Ada's"}, headers=ada)
            heard_again = json.loads(again.receive_text(timeout=GUARD_SECONDS))

    assert (refused.value.code, refused.value.detail) == (1008, "Too many open event connections")
    assert heard["task"] == created.json()  # another user is not limited by ada's
    assert heard_again["task"] == mine.json()


# --- logs --------------------------------------------------------------------------------------


def test_the_access_log_is_json_with_the_request_id_and_never_the_query(
    client: Client, ada: Headers
) -> None:
    token = ada["Authorization"].removeprefix("Bearer ")
    with capstone_log() as log:
        client.get(f"/tasks?token={token}&q=x", headers={"X-Request-ID": "req-7"})
        missing = client.get(f"/no-such-page?token={token}")

    lines = [line for line in log.lines if line["logger"] == "capstone.access"]
    assert [(line["method"], line["path"], line["status"]) for line in lines] == [
        ("GET", "/tasks", 401),
        ("GET", "/no-such-page", 404),
    ]
    assert lines[0]["request_id"] == "req-7"
    # A 404 from Litestar's router, outside every middleware, has its id too.
    assert lines[1]["request_id"] == missing.headers["x-request-id"]
    assert token not in json.dumps(log.lines)


# --- Redis shared by two deployments -----------------------------------------------------------


def test_two_deployments_sharing_a_redis_hear_only_their_own_events(tmp_path: Path) -> None:
    redis_url = require_redis()
    apps = [
        create_app(
            Settings(
                database_url=f"sqlite+aiosqlite:///{tmp_path / f'{name}.sqlite3'}",
                redis_url=redis_url,
                jwt_secret=TEST_SECRET,
            )
        )
        for name in ("one", "other")
    ]
    with TestClient(apps[0]) as one, TestClient(apps[1]) as other:
        # Both have a user 1, each in its own database.
        ones, others = sign_up(one, "ada"), sign_up(other, "ada")
        assert one.get("/me", headers=ones).json()["id"] == 1
        assert other.get("/me", headers=others).json()["id"] == 1
        with one.websocket_connect("/events/ws", headers=ones) as socket:
            wait_for_subscriber(redis_url, apps[0].plugins.get(LiveEvents).channel_of(1))
            other.post("/tasks", json={"title": "The other deployment's"}, headers=others)
            mine = one.post("/tasks", json={"title": "Mine"}, headers=ones).json()
            heard = json.loads(socket.receive_text(timeout=GUARD_SECONDS))

    assert heard["task"] == mine


def test_a_read_only_postgresql_database_is_not_ready() -> None:
    with isolated_postgres_database() as url:
        name = make_url(url).database
        run_sql(url, f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
        settings = Settings(database_url=url, migrate_on_start=False, jwt_secret=TEST_SECRET)
        with TestClient(create_app(settings)) as client:
            ready = client.get("/ready")

    assert (ready.status_code, ready.json()["detail"]) == (503, "The database is read-only")


def test_a_login_refused_for_a_full_queue_is_503_with_retry_after(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_up(client)
    monkeypatch.setattr(users, "WAITING", 0)  # as if sixteen were already waiting

    response = login(client, "ada", "correct horse")

    assert response.status_code == 503
    assert response.headers["retry-after"] == "1"
    assert response.json()["detail"] == "Too many password checks at once; retry in a moment"


def test_a_request_whose_client_vanishes_is_logged_as_a_500(settings: Settings) -> None:
    app = create_app(settings)

    async def gone() -> dict[str, Any]:
        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            raise OSError("the client has gone")  # every attempt to answer fails

        scope = {
            "type": "http",
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": "/health",
            "raw_path": b"/health",
            "root_path": "",
            "query_string": b"",
            "headers": [],
            "client": ("127.0.0.1", 1),
            "server": ("test", 80),
        }
        with pytest.raises(Exception, match="response started"):
            await app(scope, receive, send)  # type: ignore[arg-type]
        return {}

    with TestClient(app), capstone_log() as log:
        anyio.run(gone)

    [access] = [line for line in log.lines if line["logger"] == "capstone.access"]
    assert (access["path"], access["status"]) == ("/health", 500)


def test_after_the_body_the_deadline_no_longer_applies() -> None:
    # A streaming response waits on receive() for the client to leave: no deadline then.
    messages = [
        {"type": "http.request", "body": b"{}", "more_body": False},
        {"type": "http.disconnect"},
    ]
    seen: list[str] = []

    async def receive() -> Any:
        if len(messages) == 1:
            await anyio.sleep(0.3)  # longer than the deadline below
        return messages.pop(0)

    async def app(scope: Any, receive: Any, send: Any) -> None:
        seen.append((await receive())["type"])
        seen.append((await receive())["type"])

    async def send(message: Any) -> None:  # pragma: no cover - nothing is sent
        pass

    middleware: Any = BodyDeadlineMiddleware(seconds=0.1)
    anyio.run(middleware.handle, {"type": "http"}, receive, send, app)

    assert seen == ["http.request", "http.disconnect"]
