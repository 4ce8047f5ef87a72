"""storage/channels.py's Redis backend, straight: what each operation does while Redis is away, and
how it catches up once Redis is back (through the TCP proxy of tests/tcp_proxy.py)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator

import anyio
import pytest
from redis.exceptions import RedisError
from sqlalchemy.engine import make_url

from capstone.storage import channels as live
from capstone.storage.channels import (
    LiveEvents,
    MemoryEventsBackend,
    RedisEventsBackend,
    event_order,
    redis_client,
    split_event,
)
from tests.services import require_redis
from tests.tcp_proxy import TCPProxy

GUARD_SECONDS = 10.0


@pytest.fixture
def proxy() -> Iterator[TCPProxy]:
    upstream = make_url(require_redis())
    with TCPProxy(upstream.host or "127.0.0.1", upstream.port or 6379) as running:
        yield running


def test_event_ids_order_as_they_were_published() -> None:
    assert event_order("1700000000000-2") > event_order("1700000000000-1") > event_order("9-9")
    assert event_order("42") == (42, 0)
    assert split_event(b"7\n{}") == ("7", b"{}")


def test_the_memory_history_ignores_ids_it_never_issued() -> None:
    async def scenario() -> tuple[list[bytes], list[bytes]]:
        backend = MemoryEventsBackend()
        await backend.on_startup()
        await backend.publish(b"one", ["c"])
        await backend.publish(b"two", ["c"])
        return await backend.history_after("c", "1"), await backend.history_after("c", "x-1")

    after_first, unknown = anyio.run(scenario)

    assert after_first == [b"2\ntwo"]
    assert unknown == []


def test_a_subscription_made_while_redis_is_away_starts_when_it_is_back(
    proxy: TCPProxy,
) -> None:
    channel = f"test-live-{uuid.uuid4().hex[:8]}:user:1"

    async def scenario() -> tuple[list[str | None], list[bytes], bytes]:
        backend = RedisEventsBackend(redis_client(f"redis://127.0.0.1:{proxy.port}/0"), "t")
        problems: list[str | None] = []
        proxy.stop()
        await backend.subscribe([channel])  # refused by Redis: remembered here
        problems.append(backend.problem)
        missed = await backend.history_after(channel, "1-0")  # nothing to read: empty
        await backend.unsubscribe([f"{channel}-other"])  # refused too, and harmless
        with pytest.raises(RedisError):
            await backend.check()
        proxy.start()
        await backend.check()
        problems.append(backend.problem)

        heard: list[tuple[str, bytes]] = []

        async def listen() -> None:
            async for item in backend.stream_events():
                heard.append(item)
                return

        with anyio.fail_after(GUARD_SECONDS):
            async with anyio.create_task_group() as group:
                group.start_soon(listen)
                while not heard:  # until the listening loop has subscribed and hears it
                    await backend.publish(b"hello", [channel])
                    await anyio.sleep(0.2)
        [(heard_channel, data)] = heard
        assert heard_channel == channel
        await backend.on_shutdown()
        return problems, missed, data

    problems, missed, data = anyio.run(scenario)

    assert problems[0] is not None
    assert problems[0].startswith("ConnectionError")
    assert problems[1] is None  # back
    assert missed == []
    assert split_event(data)[1] == b"hello"


def test_the_memory_backend_keeps_the_history_of_the_most_recent_channels_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(live, "MEMORY_CHANNELS", 2)

    async def scenario() -> list[list[bytes]]:
        backend = MemoryEventsBackend()
        await backend.on_startup()
        for channel in ("a", "b", "c"):
            await backend.publish(channel.encode(), [channel])
        return [await backend.history_after(channel, "0") for channel in ("a", "b", "c")]

    assert anyio.run(scenario) == [[], [b"2\nb"], [b"3\nc"]]


def test_an_event_is_delivered_once_and_only_on_a_wanted_channel() -> None:
    backend = RedisEventsBackend(redis_client("redis://127.0.0.1:1/0"), "t")
    backend._wanted = {"c"}

    assert [
        backend._new("c", b"5-0\n{}"),
        backend._new("c", b"5-0\n{}"),
        backend._new("c", b"4-0\n{}"),
        backend._new("other", b"6-0\n{}"),
    ] == [True, False, False, False]


def test_what_another_worker_published_during_the_gap_comes_from_the_history(
    proxy: TCPProxy,
) -> None:
    # This worker's pub/sub is cut off while another worker, still connected, publishes:
    # pub/sub drops it for us, the history keeps it.
    channel = f"test-live-{uuid.uuid4().hex[:8]}:user:1"

    async def scenario() -> list[bytes]:
        here = RedisEventsBackend(redis_client(f"redis://127.0.0.1:{proxy.port}/0"), "t")
        elsewhere = RedisEventsBackend(redis_client(require_redis()), "t")
        heard: list[bytes] = []
        await here.subscribe([channel])

        async def listen() -> None:
            async for _, data in here.stream_events():
                heard.append(split_event(data)[1])
                if len(heard) == 3:
                    return

        with anyio.fail_after(GUARD_SECONDS):
            async with anyio.create_task_group() as group:
                group.start_soon(listen)
                while not heard:
                    await elsewhere.publish(b"before", [channel])
                    await anyio.sleep(0.2)
                proxy.stop()
                await anyio.sleep(0.3)
                await elsewhere.publish(b"in the gap", [channel])
                assert await here.history_after(channel, "not-an-id") == []
                proxy.start()
                while len(heard) < 2:  # noqa: ASYNC110 - the listener runs beside us
                    await anyio.sleep(0.1)
                await elsewhere.publish(b"after", [channel])
        await here.on_shutdown()
        await elsewhere.on_shutdown()
        return heard

    heard = anyio.run(scenario)

    assert heard[-2:] == [b"in the gap", b"after"]
    assert set(heard[:-2]) == {b"before"}


def test_a_listener_with_nothing_subscribed_waits_without_asking_redis(proxy: TCPProxy) -> None:
    async def scenario() -> None:
        backend = RedisEventsBackend(redis_client(f"redis://127.0.0.1:{proxy.port}/0"), "t")
        proxy.stop()
        await backend.subscribe(["t:user:9"])  # refused...
        await backend.unsubscribe(["t:user:9"])  # ...and given up before Redis is back
        proxy.start()
        with anyio.move_on_after(1.5):  # the loop sleeps; it never calls Redis for nothing
            async for _ in backend.stream_events():  # pragma: no cover - nothing comes
                pass
        await backend.on_shutdown()

    anyio.run(scenario)


def test_shutdown_drops_what_it_cannot_publish_in_time(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(live, "SHUTDOWN_SECONDS", 0.2)

    class Stuck(MemoryEventsBackend):
        async def publish(self, data: bytes, channels: Iterable[str]) -> None:
            await anyio.sleep(GUARD_SECONDS)  # as a Redis that never answers

    async def scenario() -> float:
        plugin = LiveEvents(Stuck(), "t")
        await plugin._on_startup()
        plugin.publish(b"one", "t:user:1")
        plugin.publish(b"two", "t:user:1")
        started = anyio.current_time()
        await plugin._on_shutdown()
        return anyio.current_time() - started

    took = anyio.run(scenario)

    assert took < 1
    assert "shutdown: 1 unpublished events dropped" in caplog.text  # one was being published
