"""Response caching: `cache=` on a handler, in memory or in Redis."""

# --8<-- [start:app]
import os
from typing import Any

from litestar import Litestar, Request, get
from litestar.config.response_cache import default_cache_key_builder
from litestar.params import FromCookie
from litestar.stores.base import Store
from litestar.stores.memory import MemoryStore
from litestar.stores.redis import RedisStore

from lessons.l05_responses.library import BOOKS, Book

# How often each handler really ran: a cached answer does not run it.
RUNS = {"books": 0, "loans": 0}
LOANS = {"R-1001": [1, 3], "R-1002": [2]}  # reader card -> book ids on loan


# --8<-- [start:cached]
@get("/books", cache=60)  # kept 60 seconds; cache=True uses the config's default_expiration
async def list_books() -> list[Book]:
    RUNS["books"] += 1
    return list(BOOKS.values())


# The default key is method + path + sorted query: it knows nothing of the cookie, and
# would serve one reader's loans to the next. Add what makes the answer differ.
def per_reader(request: Request[Any, Any, Any]) -> str:
    return f"{default_cache_key_builder(request)}:reader={request.cookies.get('reader', '')}"


@get("/reader/loans", cache=30, cache_key_builder=per_reader)
async def my_loans(reader: FromCookie[str | None] = None) -> list[int]:
    RUNS["loans"] += 1
    return LOANS.get(reader or "", [])


# --8<-- [end:cached]
@get("/runs")
async def runs() -> dict[str, int]:
    return RUNS


# --8<-- [start:store]
def create_app(store: Store) -> Litestar:
    # cache= uses the store named "response_cache" (ResponseCacheConfig.store). Without
    # one, Litestar makes a MemoryStore: fine for one process, but each worker has its own.
    # A store is an async context manager: as a lifespan, it is closed (with its Redis
    # connections) when the app shuts down; Litestar does not close stores by itself.
    return Litestar(
        route_handlers=[list_books, my_loans, runs],
        stores={"response_cache": store},
        lifespan=[store],
    )


def redis_store(url: str) -> RedisStore:
    # Keys go under "l05_responses:" so that other apps on the same Redis keep theirs.
    return RedisStore.with_client(url=url, namespace="l05_responses")


redis_url = os.environ.get("LESSON05_REDIS_URL")  # e.g. redis://127.0.0.1:6379/0
app = create_app(redis_store(redis_url) if redis_url else MemoryStore())
# --8<-- [end:store]
# --8<-- [end:app]
