"""Step 02: each layer provides keys; a lower layer overrides a key with another callable."""

import asyncio
from typing import Any

import pytest
from litestar import Litestar, Router, get
from litestar.di import NamedDependency, Provide
from litestar.exceptions import ImproperlyConfiguredException
from litestar.testing import TestClient

from lessons.l06_dependency_injection.step02_layers import app
from tests.transcripts import MakeTranscript


def test_the_lowest_layer_that_provides_a_key_wins(transcript: MakeTranscript) -> None:
    record = transcript("l06_dependency_injection/layers")
    with TestClient(app) as client:
        tasks = record(client.get("/api/tasks"))
        export = record(client.get("/api/tasks/export"))
        archive = record(client.get("/api/archive"))

    # (store, page_size) and the layer each came from:
    assert (tasks.json()["store"], tasks.json()["page_size"]) == ("live", 2)  # app, router
    assert (export.json()["store"], export.json()["page_size"]) == ("live", 1000)  # app, handler
    assert (archive.json()["store"], archive.json()["page_size"]) == ("archive", 2)  # ctrl, router
    assert len(tasks.json()["tasks"]) == 2
    assert len(export.json()["tasks"]) == 3


def test_a_key_is_visible_only_below_the_layer_that_provides_it() -> None:
    async def provide_page_size() -> int:
        return 2

    @get("/outside")
    async def outside(page_size: NamedDependency[int]) -> int:
        return page_size

    @get("/inside")
    async def inside(page_size: NamedDependency[int]) -> int:
        return page_size

    api = Router(
        "/api", route_handlers=[inside], dependencies={"page_size": Provide(provide_page_size)}
    )
    with pytest.raises(
        ImproperlyConfiguredException, match="Explicit dependency 'page_size' for 'outside'"
    ):
        Litestar(route_handlers=[api, outside])


def test_the_same_provider_at_two_layers_stops_the_app_from_starting() -> None:
    async def get_db() -> str:
        return "db"

    # One provider at the handler *and* at the app, under the same key.
    @get("/users", dependencies={"db": Provide(get_db)})
    async def list_users(db: NamedDependency[str]) -> str:
        return db

    with pytest.raises(ImproperlyConfiguredException) as raised:
        Litestar(route_handlers=[list_users], dependencies={"db": Provide(get_db)})

    # Two Provide objects are equal when they wrap the same callable, and a
    # handler refuses a provider equal to one it already has, even under the
    # same key, which makes the message below (with "different key") confusing.
    assert Provide(get_db) == Provide(get_db)
    assert raised.value.detail == (
        "Provider for key db is already defined under the different key db. "
        "If you wish to override a provider, it must have the same key."
    )


def test_the_same_callable_under_two_keys_fails_the_same_way() -> None:
    async def get_db() -> str:
        return "db"

    @get("/")
    async def handler(reader: NamedDependency[str], writer: NamedDependency[str]) -> str:
        return reader + writer

    with pytest.raises(ImproperlyConfiguredException, match="key writer is already defined"):
        Litestar([handler], dependencies={"reader": Provide(get_db), "writer": Provide(get_db)})


# Known quirk: dependencies of one level are resolved concurrently ------------------------


def _tasks_started_by_one_request(app: Litestar) -> int:
    started = 0
    with TestClient(app) as client:

        def counting(loop: asyncio.AbstractEventLoop, coro: Any, **kwargs: Any) -> Any:
            nonlocal started
            started += 1
            return asyncio.Task(coro, loop=loop, **kwargs)

        with client.portal() as portal:
            portal.call(lambda: asyncio.get_running_loop().set_task_factory(counting))
            client.get("/")
            portal.call(lambda: asyncio.get_running_loop().set_task_factory(None))
    return started


def test_two_dependencies_side_by_side_start_a_task_group_one_does_not() -> None:
    async def first() -> int:
        return 1

    async def second() -> int:
        return 2

    @get("/", dependencies={"first": Provide(first), "second": Provide(second)})
    async def both(first: NamedDependency[int], second: NamedDependency[int]) -> int:
        return first + second

    async def chained(first: NamedDependency[int]) -> int:
        return first + 2

    @get("/", dependencies={"first": Provide(first), "second": Provide(chained)})
    async def in_a_row(second: NamedDependency[int]) -> int:
        return second

    side_by_side = _tasks_started_by_one_request(Litestar([both]))
    one_after_the_other = _tasks_started_by_one_request(Litestar([in_a_row]))
    # One task for each of the two dependencies, resolved concurrently in a task group.
    assert side_by_side - one_after_the_other == 2
