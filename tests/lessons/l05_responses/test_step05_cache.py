"""Step 05: `cache=` answers from a store; the key must include what makes answers differ."""

import importlib.util
import sys
import uuid
from collections.abc import Iterator

import pytest
import redis
from litestar import Litestar, get
from litestar.config.response_cache import ResponseCacheConfig
from litestar.params import FromCookie
from litestar.stores.base import Store
from litestar.stores.memory import MemoryStore
from litestar.stores.redis import RedisStore
from litestar.testing import TestClient

from lessons.l05_responses import step05_cache
from lessons.l05_responses.step05_cache import RUNS, app, create_app, redis_store
from tests.services import require_redis
from tests.tcp_proxy import TCPProxy
from tests.transcripts import MakeTranscript

ALICE = {"Cookie": "reader=R-1001"}
BOB = {"Cookie": "reader=R-1002"}


@pytest.fixture(params=["memory", "redis"])
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """The same tests on a MemoryStore and, when it answers, on Redis."""
    if request.param == "memory":
        yield MemoryStore()
        return
    url = require_redis()
    # A namespace of this run's own under the lesson's, so parallel runs never collide.
    store = redis_store(url).with_namespace(f"test-{uuid.uuid4().hex[:12]}")
    yield store
    # The app's lifespan closed the store's connections; delete its keys with a client of ours.
    with redis.Redis.from_url(url) as client:
        keys = list(client.scan_iter(f"{store.namespace}:*"))
        assert keys, "the test stored nothing in Redis"
        client.delete(*keys)


def test_a_cached_answer_does_not_run_the_handler(store: Store) -> None:
    with TestClient(create_app(store)) as client:
        first = client.get("/books")
        second = client.get("/books")

    assert (first.json(), first.headers) == (second.json(), second.headers)  # all of it, kept
    assert RUNS["books"] == 1


def test_cache_true_keeps_an_answer_60_seconds() -> None:
    assert ResponseCacheConfig().default_expiration == 60


def test_another_query_string_is_another_key(store: Store) -> None:
    with TestClient(create_app(store)) as client:
        client.get("/books")
        client.get("/books", params={"page": 1})
        client.get("/books", params={"page": 1})

    assert RUNS["books"] == 2


def test_each_reader_gets_their_own_cached_loans(store: Store) -> None:
    with TestClient(create_app(store)) as client:
        alice = client.get("/reader/loans", headers=ALICE).json()
        bob = client.get("/reader/loans", headers=BOB).json()
        alice_again = client.get("/reader/loans", headers=ALICE).json()

    assert (alice, bob, alice_again) == ([1, 3], [2], [1, 3])
    assert RUNS["loans"] == 2  # once per reader; Alice's second answer came from the cache


def test_the_default_key_serves_one_readers_data_to_the_next() -> None:
    # --8<-- [start:pitfall]
    @get("/reader/loans", cache=30)  # the key is "GET/reader/loans": no cookie in it
    async def my_loans(reader: FromCookie[str | None] = None) -> list[int]:
        return step05_cache.LOANS.get(reader or "", [])

    # --8<-- [end:pitfall]
    with TestClient(Litestar([my_loans])) as client:
        alice = client.get("/reader/loans", headers=ALICE).json()
        bob = client.get("/reader/loans", headers=BOB).json()

    assert alice == [1, 3]
    assert bob == [1, 3]  # Bob is shown Alice's loans


def test_the_module_app_caches_in_memory_by_default(transcript: MakeTranscript) -> None:
    record = transcript("l05_responses/cached")
    with TestClient(app) as client:
        for reader in (ALICE, BOB, ALICE):
            record(client.get("/reader/loans", headers=reader))
        runs = record(client.get("/runs"))

    assert runs.json() == {"books": 0, "loans": 2}
    assert isinstance(app.stores.get("response_cache"), MemoryStore)


def test_the_server_cache_sends_no_cache_control() -> None:
    with TestClient(app) as client:
        response = client.get("/books")

    # cache= is the server's own cache: browsers and proxies are told nothing (step 3 does).
    assert "cache-control" not in response.headers


def test_the_redis_keys_live_under_the_lessons_namespace() -> None:
    store = redis_store("redis://127.0.0.1:6379/0")

    assert store.namespace == "l05_responses"
    assert store.with_namespace("test").namespace == "l05_responses_test"


def test_lesson05_redis_url_switches_the_app_to_redis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LESSON05_REDIS_URL", "redis://127.0.0.1:6379/0")
    # A fresh copy of the module, so the one every other test uses stays on memory.
    spec = importlib.util.spec_from_file_location("fresh_step05", step05_cache.__file__)
    assert spec is not None
    assert spec.loader is not None
    fresh = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "fresh_step05", fresh)  # Litestar reads its annotations
    spec.loader.exec_module(fresh)

    store = fresh.app.stores.get("response_cache")
    assert isinstance(store, RedisStore)  # no connection yet: Redis is asked on first use
    assert store.namespace == "l05_responses"


def test_without_a_store_of_your_own_the_cache_is_in_memory() -> None:
    assert ResponseCacheConfig().store == "response_cache"
    assert isinstance(Litestar().stores.get("response_cache"), MemoryStore)


def test_while_redis_is_away_a_cached_route_is_a_500_and_then_it_answers_again() -> None:
    url = require_redis()
    host, port = url.removeprefix("redis://").split("/", 1)[0].rsplit(":", 1)
    with TCPProxy(host, int(port)) as proxy:
        store = redis_store(f"redis://127.0.0.1:{proxy.port}/0")
        store = store.with_namespace(f"test-{uuid.uuid4().hex[:12]}")
        with TestClient(create_app(store)) as client:
            proxy.stop()  # Redis goes away: the handler could answer, the cache lookup cannot
            during = client.get("/books")
            proxy.start()
            after = client.get("/books")
        with redis.Redis.from_url(url) as direct:
            direct.delete(*direct.scan_iter(f"{store.namespace}:*"))

    assert during.status_code == 500
    assert after.status_code == 200
