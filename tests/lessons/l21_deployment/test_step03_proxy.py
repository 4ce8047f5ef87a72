"""Step 03: which X-Forwarded-* headers uvicorn believes, and the hosts the app answers for."""

import httpx
import pytest
import uvicorn
from litestar.testing import TestClient

from lessons.l21_deployment.step03_proxy import app
from tests.lessons.l21_deployment.conftest import record_with_host
from tests.servers import Started
from tests.transcripts import MakeTranscript

NAME = "parcels.example"
HOST = {"host": NAME}
FORWARDED = {"x-forwarded-for": "203.0.113.7", "x-forwarded-proto": "https"}


@pytest.fixture
def default_uvicorn(servers: dict[str, Started]) -> str:
    return servers["proxy-default"].base


@pytest.fixture
def proxy_named_uvicorn(servers: dict[str, Started]) -> str:
    # Only the proxy at 10.0.0.2 is believed; these test requests come from 127.0.0.1.
    return servers["proxy-named"].base


def test_by_default_uvicorn_believes_x_forwarded_for_from_127_0_0_1(
    default_uvicorn: str, transcript: MakeTranscript
) -> None:
    record = transcript("l21_deployment/forwarded-believed")
    response = record_with_host(
        record, httpx.get(f"{default_uvicorn}/whoami", headers={**HOST, **FORWARDED}), NAME
    )

    # Anyone on this host can claim any address and https.
    assert response.json() == {"client": "203.0.113.7", "scheme": "https", "host": HOST["host"]}


def test_the_defaults_behind_it() -> None:
    config = uvicorn.Config(app)  # what `uvicorn module:app` uses without flags

    assert config.proxy_headers is True
    assert config.forwarded_allow_ips == "127.0.0.1,::1"  # unless FORWARDED_ALLOW_IPS is set


def test_with_forwarded_allow_ips_only_the_named_proxy_is_believed(
    proxy_named_uvicorn: str, transcript: MakeTranscript
) -> None:
    record = transcript("l21_deployment/forwarded-ignored")
    response = record_with_host(
        record, httpx.get(f"{proxy_named_uvicorn}/whoami", headers={**HOST, **FORWARDED}), NAME
    )

    assert response.json() == {"client": "127.0.0.1", "scheme": "http", "host": HOST["host"]}


def test_a_foreign_host_is_a_400_and_a_listed_one_or_subdomain_is_served(
    transcript: MakeTranscript,
) -> None:
    record = transcript("l21_deployment/allowed-hosts")
    with TestClient(app) as client:
        served = record_with_host(record, client.get("/whoami", headers=HOST), NAME)
        subdomain = client.get("/whoami", headers={"host": "eu.parcels.example"})
        foreign = client.get("/whoami", headers={"host": "evil.example"})
        record_with_host(record, foreign, "evil.example")

    assert served.status_code == subdomain.status_code == 200
    assert foreign.status_code == 400
    assert foreign.json() == {"message": "invalid host header"}


def test_a_probe_by_address_reaches_health_and_nothing_else(transcript: MakeTranscript) -> None:
    record = transcript("l21_deployment/allowed-hosts-probe")
    probe = {"host": "10.0.0.7:8000"}
    with TestClient(app) as client:
        health = record_with_host(record, client.get("/health", headers=probe), probe["host"])
        other = client.get("/whoami", headers=probe)

    assert health.status_code == 200
    assert other.status_code == 400


def test_a_listed_host_with_a_port_is_refused() -> None:
    # The whole Host header is matched, port included: list "parcels.example:8000" too if
    # clients reach the app on a port of its own.
    with TestClient(app) as client:
        response = client.get("/whoami", headers={"host": "parcels.example:8000"})

    assert response.status_code == 400


def test_a_path_with_no_route_is_a_404_whatever_the_host() -> None:
    # The check is middleware, which Litestar runs for a route it found: no route, no check.
    with TestClient(app) as client:
        response = client.get("/no-such-page", headers={"host": "evil.example"})

    assert response.status_code == 404
