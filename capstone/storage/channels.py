"""Where live events travel: Litestar's channels, namespaced, with a history, and able to
survive a Redis outage.

Every event gets an id when it is published, and the last HISTORY events of each channel
are kept (in Redis, a capped stream per channel), so a client that reconnects with
`Last-Event-ID` is sent what it missed. Litestar's own backends do not fit as they are:
its Redis pub/sub backend has no history and ends for good on the first connection error;
its stream backend replays a channel's stored events to every first subscriber and polls;
its memory backend forgets a channel's history when its last client leaves, the moment a
reconnecting client needs it (docs/capstone/decisions.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from collections import OrderedDict, deque
from collections.abc import AsyncGenerator, Awaitable, Iterable
from datetime import timedelta
from typing import Any, cast

from litestar.channels import ChannelsPlugin
from litestar.channels.backends.memory import MemoryChannelsBackend
from litestar.channels.backends.redis import RedisChannelsPubSubBackend
from redis.asyncio import Redis
from redis.backoff import ExponentialBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

logger = logging.getLogger("capstone")

HISTORY = 100  # events kept per channel for reconnecting clients
HISTORY_TTL = timedelta(minutes=10)  # ...and for this long after the channel's last event
MEMORY_CHANNELS = 10_000  # channels whose history one process keeps (the least recent go)
RETRY_SECONDS = 0.5  # between attempts to reach Redis again
SHUTDOWN_SECONDS = 2.0  # for events still queued at shutdown: then they are dropped
# A published message is the event's id, a newline, then the event (JSON).
_SEPARATOR = b"\n"
_REDIS_ID = re.compile(r"[0-9]{1,20}-[0-9]{1,20}")
_MEMORY_ID = re.compile(r"[0-9]{1,20}")
# Redis: the event goes into the channel's capped stream first, and its stream id is
# published with it: one script, so the history and the live event never disagree.
_PUBLISH_WITH_HISTORY = """
local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'data', ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('PUBLISH', KEYS[1], id .. '\\n' .. ARGV[1])
return id
"""

RedisProblems = (RedisError, OSError)


def split_event(message: bytes) -> tuple[str, bytes]:
    """A published message as (event id, event)."""
    event_id, _, event = message.partition(_SEPARATOR)
    return event_id.decode(), event


def event_order(event_id: str) -> tuple[int, int]:
    """Ids compare in publishing order: "1700000000000-3" in Redis, "42" in memory."""
    first, _, second = event_id.partition("-")
    return int(first), int(second or 0)


class MemoryEventsBackend(MemoryChannelsBackend):
    """One process: ids count up, and history outlives a channel's last subscriber."""

    def __init__(self) -> None:
        super().__init__()
        self._last_id = 0
        self._kept: OrderedDict[str, deque[bytes]] = OrderedDict()
        self.problem: str | None = None  # memory does not fail

    async def publish(self, data: bytes, channels: Iterable[str]) -> None:
        self._last_id += 1
        message = str(self._last_id).encode() + _SEPARATOR + data
        for channel in channels:
            kept = self._kept.pop(channel, None) or deque(maxlen=HISTORY)
            kept.append(message)
            self._kept[channel] = kept  # now the most recent
            if len(self._kept) > MEMORY_CHANNELS:
                self._kept.popitem(last=False)
        await super().publish(message, channels)

    async def history_after(self, channel: str, last_id: str) -> list[bytes]:
        if not _MEMORY_ID.fullmatch(last_id):
            return []  # not an id of ours (from before a restart, or made up): nothing
        after = event_order(last_id)
        return [m for m in self._kept.get(channel, ()) if event_order(split_event(m)[0]) > after]

    async def check(self) -> None:
        return None


class RedisEventsBackend(RedisChannelsPubSubBackend):
    """Redis pub/sub that reconnects: an outage is logged, visible, and then over."""

    def __init__(self, redis: Redis, namespace: str) -> None:
        super().__init__(redis=redis, key_prefix=namespace)
        self._namespace = namespace
        self._publish_with_history = redis.register_script(_PUBLISH_WITH_HISTORY)
        self._wanted: set[str] = set()  # channels with a subscriber here, up or down
        self.problem: str | None = None  # why Redis is unreachable, while it is
        self._down_since = 0.0
        self._seen: dict[str, str] = {}  # the newest event id delivered, per channel
        self._resume_due = False

    def _history_key(self, channel: str) -> str:
        return f"{channel}:history"

    def _failed(self, error: BaseException) -> None:
        self._resume_due = True  # whoever noticed, the listening loop catches up after
        if self.problem is None:
            self._down_since = time.monotonic()
            logger.error("Redis unavailable, live events paused: %s", error or type(error))
        self.problem = f"{type(error).__name__}: {error}"

    def _back(self) -> None:
        if self.problem is not None:
            self.problem = None
            back_after = time.monotonic() - self._down_since
            logger.warning("Redis is back after %.1f s; live events resumed", back_after)

    async def _subscribe_missing(self) -> None:
        """After an outage: subscribe to the channels wanted while Redis was away."""
        missing = {c for c in self._wanted if c.encode() not in self._pub_sub.channels}
        if missing:  # subscriptions made while Redis was away exist only here
            await self._pub_sub.subscribe(*missing)

    async def _missed(self) -> list[tuple[str, bytes]]:
        """What was published while pub/sub was reconnecting: it is in the history."""
        missed = []
        for channel in self._wanted & self._seen.keys():
            for message in await self.history_after(channel, self._seen[channel]):
                missed.append((channel, message))
        return missed

    def _new(self, channel: str, message: bytes) -> bool:
        """Whether the message is one this process has not delivered yet (and note it)."""
        event_id = split_event(message)[0]
        if channel not in self._wanted or (
            channel in self._seen and event_order(event_id) <= event_order(self._seen[channel])
        ):
            return False
        self._seen[channel] = event_id
        return True

    async def publish(self, data: bytes, channels: Iterable[str]) -> None:
        ttl = int(HISTORY_TTL.total_seconds() * 1000)
        for channel in channels:
            keys = [channel, self._history_key(channel)]
            try:
                await self._publish_with_history(keys=keys, args=[data, HISTORY, ttl])
            except RedisProblems as error:
                # Dropped, not queued without end: a client re-reads /tasks when it is back.
                self._failed(error)
                logger.warning("event for %s dropped: Redis unavailable", channel)

    async def subscribe(self, channels: Iterable[str]) -> None:
        channels = set(channels)
        self._wanted |= channels
        try:
            await super().subscribe(channels)
        except RedisProblems as error:
            self._failed(error)  # subscribed once Redis is back (_resume)
            self._has_subscribed.set()

    async def unsubscribe(self, channels: Iterable[str]) -> None:
        channels = set(channels)
        self._wanted -= channels
        for channel in channels:
            self._seen.pop(channel, None)
        try:
            await super().unsubscribe(channels)
        except RedisProblems as error:
            self._failed(error)

    async def stream_events(self) -> AsyncGenerator[tuple[str, Any], None]:
        while True:
            await self._has_subscribed.wait()
            # After an outage, the history is read only once pub/sub has reconnected (its
            # first get_message): an event published before that is in the history, one
            # published after it arrives live, and _new drops the one that does both.
            resuming, self._resume_due = self._resume_due, False
            try:
                if resuming:
                    await self._subscribe_missing()
                connection: object = self._pub_sub.connection  # None until it first subscribes
                if connection is None:  # nothing subscribed yet, so nothing to hear
                    self._resume_due = resuming
                    await asyncio.sleep(RETRY_SECONDS)
                    continue
                message = await self._pub_sub.get_message(
                    ignore_subscribe_messages=True, timeout=1.0
                )
                missed = await self._missed() if resuming else []
            except RedisProblems as error:
                self._failed(error)  # sets _resume_due again
                await asyncio.sleep(RETRY_SECONDS)
                continue
            self._back()
            # Older first: _new refuses an event older than one already delivered.
            if message is not None and message["type"] == "message":
                missed.append((message["channel"].decode(), message["data"]))
            for channel, data in missed:
                if self._new(channel, data):
                    yield channel, data

    async def history_after(self, channel: str, last_id: str) -> list[bytes]:
        if not _REDIS_ID.fullmatch(last_id):
            return []
        try:
            entries = await self._redis.xrange(
                self._history_key(channel), min=f"({last_id}", max="+", count=HISTORY
            )
        except RedisProblems as error:
            self._failed(error)
            return []
        found = cast("list[tuple[bytes, dict[bytes, bytes]]]", entries)
        return [event_id + _SEPARATOR + fields[b"data"] for event_id, fields in found]

    async def check(self) -> None:
        """Raise if Redis does not answer now (for readiness)."""
        try:
            # redis-py 7 types an asyncio client's ping() as "bool or an awaitable of one".
            await cast("Awaitable[bool]", self._redis.ping())
        except RedisProblems as error:
            self._failed(error)
            raise
        self._back()

    async def on_shutdown(self) -> None:
        # Litestar closes its pub/sub connection, not the client it publishes with.
        with contextlib.suppress(*RedisProblems):
            await super().on_shutdown()
        await self._redis.aclose()


def redis_client(url: str) -> Redis:
    """Short timeouts and few retries: a Redis that is away is noticed in seconds."""
    return Redis.from_url(
        url,
        socket_connect_timeout=1.0,
        socket_timeout=2.0,
        health_check_interval=5,
        retry=Retry(ExponentialBackoff(cap=0.5, base=0.05), retries=2),
    )


class LiveEvents(ChannelsPlugin):
    """The channels plugin, with user channels under a namespace and a bounded shutdown."""

    def __init__(self, backend: MemoryEventsBackend | RedisEventsBackend, namespace: str) -> None:
        # A client that reads too slowly loses its oldest unsent events, not our memory.
        super().__init__(
            backend=backend,
            arbitrary_channels_allowed=True,
            subscriber_max_backlog=HISTORY,
            subscriber_backlog_strategy="dropleft",
        )
        self.events = backend
        self.namespace = namespace

    def channel_of(self, user_id: int) -> str:
        return f"{self.namespace}:user:{user_id}"

    async def _on_shutdown(self) -> None:
        # Litestar waits for the publish queue to drain, without limit: with Redis away it
        # would never end, and SIGTERM would wait for SIGKILL.
        queue = self._pub_queue
        if queue is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(queue.join(), SHUTDOWN_SECONDS)
            if queue.qsize():
                logger.warning("shutdown: %d unpublished events dropped", queue.qsize())
            self._pub_queue = None
        await super()._on_shutdown()


def live_events(redis_url: str | None, namespace: str) -> LiveEvents:
    if redis_url is None:
        return LiveEvents(MemoryEventsBackend(), namespace)  # this process's clients only
    return LiveEvents(RedisEventsBackend(redis_client(redis_url), namespace), namespace)
