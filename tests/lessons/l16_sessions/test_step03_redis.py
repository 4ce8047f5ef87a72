"""Step 03: sessions in Redis are shared by every app process and destroyed there at logout."""

import uuid
from collections.abc import Iterator

import pytest
import redis

from lessons.l16_sessions.step03_redis import REDIS_URL_ENV_VAR, create_app
from tests.lessons.l16_sessions.support import https_client, sign_in
from tests.services import require_redis
from tests.tcp_proxy import TCPProxy


@pytest.fixture
def redis_url() -> str:
    return require_redis()


@pytest.fixture
def namespace(redis_url: str) -> Iterator[str]:
    """A key prefix of this test's own, so parallel runs never see each other's sessions."""
    name = f"test-l16-{uuid.uuid4().hex[:12]}"
    yield name
    with redis.Redis.from_url(redis_url) as client:
        for key in client.scan_iter(f"{name}:*"):
            client.delete(key)


def test_two_app_processes_share_the_sessions(redis_url: str, namespace: str) -> None:
    first, second = create_app(redis_url, namespace), create_app(redis_url, namespace)
    with https_client(first) as one, https_client(second) as two:
        session_id = sign_in(one)
        cookie = {"cookie": f"session={session_id}"}
        two.cookies.clear()
        seen_by_second = two.get("/me", headers=cookie)
        two.post("/logout", headers=cookie)  # logged out on the other process...
        one.cookies.clear()
        replayed_on_first = one.get("/me", headers=cookie)  # ...is logged out everywhere
    assert seen_by_second.json() == {"username": "ada", "roles": ["member"]}
    assert replayed_on_first.status_code == 401


def test_the_session_is_a_redis_key_that_expires(redis_url: str, namespace: str) -> None:
    with https_client(create_app(redis_url, namespace)) as client:
        session_id = sign_in(client)
        with redis.Redis.from_url(redis_url) as server:
            value = server.get(f"{namespace}:{session_id}")
            ttl = server.ttl(f"{namespace}:{session_id}")
            client.post("/logout")
            gone = server.exists(f"{namespace}:{session_id}")
    assert value == b'{"username":"ada"}'
    assert 14 * 24 * 3600 - 5 <= ttl <= 14 * 24 * 3600
    assert gone == 0


def test_a_session_survives_a_restart(redis_url: str, namespace: str) -> None:
    with https_client(create_app(redis_url, namespace)) as before:
        session_id = sign_in(before)
    with https_client(create_app(redis_url, namespace)) as after:  # a new process, same Redis
        response = after.get("/me", headers={"cookie": f"session={session_id}"})
    assert response.status_code == 200


def test_without_redis_the_sessions_stay_in_memory() -> None:
    memory_app = create_app()
    with https_client(memory_app) as client:
        sign_in(client)
    assert type(memory_app.stores.get("sessions")).__name__ == "MemoryStore"
    assert REDIS_URL_ENV_VAR == "LESSON16_REDIS_URL"


def test_while_redis_is_away_a_signed_in_request_is_a_500_and_then_it_comes_back(
    redis_url: str, namespace: str
) -> None:
    host_and_port = redis_url.removeprefix("redis://").split("/", 1)[0]
    host, port = host_and_port.rsplit(":", 1)
    with TCPProxy(host, int(port)) as proxy:
        app = create_app(f"redis://127.0.0.1:{proxy.port}/0", namespace)
        with https_client(app) as client:
            cookie = {"cookie": f"session={sign_in(client)}"}
            proxy.stop()  # Redis goes away
            during = client.get("/me", headers=cookie)
            proxy.start()  # and comes back: redis-py connects again
            after = client.get("/me", headers=cookie)

    assert during.status_code == 500  # the store raises; nothing turns it into a 503
    assert after.json() == {"username": "ada", "roles": ["member"]}  # the session was kept
