"""tests/services.py: a service that does not answer skips its tests, or fails them in CI."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from tests.servers import free_port
from tests.services import postgres_problem, redis_problem, require_postgres, require_redis


@pytest.fixture
def closed_port() -> int:
    return free_port()  # nothing listens there: it was free a moment ago and we hold nothing


def test_a_service_that_does_not_answer_skips_its_tests(
    monkeypatch: pytest.MonkeyPatch, closed_port: int
) -> None:
    monkeypatch.delenv("REQUIRE_SERVICES", raising=False)
    monkeypatch.setenv(
        "TEST_POSTGRES_URL", f"postgresql+asyncpg://app:secret@127.0.0.1:{closed_port}/x"
    )
    monkeypatch.setenv("TEST_REDIS_URL", f"redis://127.0.0.1:{closed_port}/0")

    with pytest.raises(pytest.skip.Exception) as postgres:
        require_postgres()
    with pytest.raises(pytest.skip.Exception) as redis:
        require_redis()

    assert str(postgres.value) == (
        f"PostgreSQL at postgresql+asyncpg://app:***@127.0.0.1:{closed_port}/x is not reachable: "
        f"ConnectionRefusedError: [Errno 111] Connection refused"
    )
    assert str(redis.value).startswith(
        f"Redis at redis://127.0.0.1:{closed_port}/0 is not reachable: "
    )


def test_with_require_services_it_fails_instead(
    monkeypatch: pytest.MonkeyPatch, closed_port: int
) -> None:
    monkeypatch.setenv("REQUIRE_SERVICES", "1")
    monkeypatch.setenv("TEST_REDIS_URL", f"redis://127.0.0.1:{closed_port}/0")

    with pytest.raises(
        pytest.fail.Exception, match=r"not reachable: .* \(and REQUIRE_SERVICES=1\)"
    ):
        require_redis()


def test_a_probe_asks_a_real_question() -> None:
    # An open port is not enough: the server there must answer as PostgreSQL or Redis would.
    postgres = require_postgres()
    nobody = postgres.replace("postgres@", "nobody@", 1)
    not_redis = f"redis://127.0.0.1:{make_url(postgres).port}/0"  # PostgreSQL's port

    assert postgres_problem(postgres) is None
    assert postgres_problem(nobody) == (
        'InvalidAuthorizationSpecificationError: role "nobody" does not exist'
    )
    assert redis_problem(not_redis) == "ConnectionError: Connection closed by server."
