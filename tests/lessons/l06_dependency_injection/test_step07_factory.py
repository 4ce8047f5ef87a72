"""Step 07: replace dependencies in tests, with the app factory or with create_test_client."""

from litestar import Litestar, get
from litestar.di import NamedDependency, Provide
from litestar.testing import TestClient, create_test_client

from lessons.l06_dependency_injection.step06_auth import TokenStore, User, who_am_i
from lessons.l06_dependency_injection.step07_factory import app, create_app


def test_the_default_app_checks_real_tokens() -> None:
    with TestClient(app) as client:
        alice = client.get("/me", headers={"Authorization": "Bearer alice-secret"})
        nobody = client.get("/me")

    assert alice.json() == {"name": "alice"}
    assert nobody.status_code == 401


# --8<-- [start:factory-test]
async def fake_tokens() -> TokenStore:
    return TokenStore({"test-token": User("tester")})


def test_the_factory_swaps_the_token_store_and_keeps_the_real_checks() -> None:
    test_app = create_app({"tokens": Provide(fake_tokens)})

    with TestClient(test_app) as client:
        tester = client.get("/me", headers={"Authorization": "Bearer test-token"})
        alice = client.get("/me", headers={"Authorization": "Bearer alice-secret"})
        malformed = client.get("/me", headers={"Authorization": "test-token"})

    assert tester.json() == {"name": "tester"}
    assert alice.status_code == 401  # the real store is gone
    assert malformed.status_code == 400  # the real header check still runs


# --8<-- [end:factory-test]


# --8<-- [start:test-client]
async def logged_in_user() -> User:
    return User("tester")


def test_create_test_client_replaces_the_whole_current_user() -> None:
    # Only the handler under test, with the providers this test wants.
    with create_test_client(
        route_handlers=[who_am_i],
        dependencies={"current_user": Provide(logged_in_user)},
    ) as client:
        response = client.get("/me")  # no header needed: no token check at all

    assert response.json() == {"name": "tester"}


# --8<-- [end:test-client]


def test_there_is_no_dependency_overrides_attribute() -> None:
    assert not hasattr(app, "dependency_overrides")


# --8<-- [start:pitfall-override]
async def real_clock() -> str:
    return "real"


@get("/", dependencies={"clock": Provide(real_clock)})  # provided at the handler layer
async def what_time(clock: NamedDependency[str]) -> str:
    return clock


# --8<-- [end:pitfall-override]
async def fake_clock() -> str:
    return "fake"


def test_an_app_level_replacement_cannot_beat_a_handler_level_provider() -> None:
    # create_test_client puts its dependencies on the app layer; the handler's
    # own provider is lower, so it wins and the fake is silently ignored.
    with create_test_client(
        route_handlers=[what_time], dependencies={"clock": Provide(fake_clock)}
    ) as client:
        assert client.get("/").text == "real"

    # The same holds for Litestar(...) or a factory that adds app-level providers.
    app_level = Litestar([what_time], dependencies={"clock": Provide(fake_clock)})
    with TestClient(app_level) as client:
        assert client.get("/").text == "real"
