"""storage/channels.py's Redis backend, straight: what each operation does while Redis is away, and
how it catches up once Redis is back (through the TCP proxy of tests/tcp_proxy.py)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import anyio
import pytest
from redis.exceptions import RedisError
from sqlalchemy.engine import make_url

from capstone.storage.channels import (
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
