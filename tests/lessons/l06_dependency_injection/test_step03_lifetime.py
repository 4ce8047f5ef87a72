"""Step 03: providers run per request; use_cache=True keeps one value for every request."""

from collections.abc import AsyncIterator

import pytest
from litestar import Litestar, Router, get
from litestar.di import NamedDependency, Provide
from litestar.exceptions import ImproperlyConfiguredException
from litestar.params import FromQuery
from litestar.testing import TestClient

from lessons.l06_dependency_injection.step03_lifetime import app


def test_a_provider_runs_again_on_every_request() -> None:
    with TestClient(app) as client:
        first = client.get("/ids").json()
        second = client.get("/ids").json()

    assert first["request_id"] != second["request_id"]


def test_within_one_request_a_key_is_built_once() -> None:
    with TestClient(app) as client:
        ids = client.get("/ids").json()

    # `audit` asked for `request_id` too, and got the very value the handler got.
    assert ids["audit"] == f"audit:{ids['request_id']}"


def test_use_cache_keeps_the_first_value_for_every_later_request_and_client() -> None:
    with TestClient(app) as alice:
        first = alice.get("/ids").json()
    with TestClient(app) as bob:  # a new client, even a restarted app (new lifespan)
        later = bob.get("/ids").json()

    # Not "once per request": once, for as long as this Provide object lives.
    # Never cache anything that belongs to one user or one request.
    assert first["settings"] == later["settings"]
    assert first["request_id"] != later["request_id"]


def test_the_router_layer_does_not_make_a_value_shared() -> None:
    calls: list[int] = []

    async def open_connection() -> int:
        calls.append(len(calls) + 1)
        return calls[-1]

    @get("/")
    async def handler(connection: NamedDependency[int]) -> int:
        return connection

    # Provided "at the router level" and still called anew for each request:
    # the layer decides who can see a key, not how long its value lives.
    api = Router(
        "/api", route_handlers=[handler], dependencies={"connection": Provide(open_connection)}
    )
    with TestClient(Litestar([api])) as client:
        answers = [client.get("/api").json(), client.get("/api").json()]

    assert answers == [1, 2]
    assert calls == [1, 2]


def test_a_generator_provider_cannot_be_cached() -> None:
    async def session() -> AsyncIterator[str]:
        yield "session"

    with pytest.raises(ImproperlyConfiguredException, match="Cannot cache generator dependency"):
        Provide(session, use_cache=True)


# --8<-- [start:pitfall-cache]
async def current_customer(name: FromQuery[str]) -> str:
    return name  # belongs to this request only


wrongly_cached = Provide(current_customer, use_cache=True)  # kept for every later request
# --8<-- [end:pitfall-cache]


def test_a_cached_per_request_value_reaches_every_later_client() -> None:
    @get("/cart")
    async def cart(customer: NamedDependency[str]) -> str:
        return f"cart of {customer}"

    with TestClient(Litestar([cart], dependencies={"customer": wrongly_cached})) as client:
        alice = client.get("/cart", params={"name": "alice"}).text
        bob = client.get("/cart", params={"name": "bob"}).text

    assert alice == "cart of alice"
    assert bob == "cart of alice"  # bob sees alice's cart
