"""Step 02: CORS, gzip compression, rate limiting and request logging, each by configuration."""

import gzip
import importlib.util
import logging
from collections.abc import Iterator

import pytest
from litestar import Litestar
from litestar.middleware.logging import LoggingMiddlewareConfig
from litestar.testing import TestClient

from lessons.l07_middleware.step02_builtin_middleware import (
    app,
    list_products,
    rate_limit,
    request_logging,
)
from tests.transcripts import MakeTranscript

FRONT_END = "https://app.example.com"
PREFLIGHT = {
    "Access-Control-Request-Method": "GET",
    "Access-Control-Request-Headers": "X-Request-ID",
}
CORS_HEADERS = ["access-control-allow-origin", "access-control-allow-methods", "vary"]


def test_a_preflight_from_the_front_end_is_allowed(transcript: MakeTranscript) -> None:
    record = transcript("l07_middleware/cors-preflight")
    with TestClient(app) as client:
        response = record(
            client.options("/products", headers={"Origin": FRONT_END, **PREFLIGHT}),
            headers=[*CORS_HEADERS, "access-control-allow-headers", "access-control-max-age"],
        )

    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == FRONT_END
    assert response.headers["Access-Control-Allow-Methods"] == "GET, POST"
    assert "x-request-id" in response.headers["Access-Control-Allow-Headers"]
    assert response.headers["Access-Control-Max-Age"] == "3600"


def test_a_preflight_from_another_origin_or_for_another_method_is_400(
    transcript: MakeTranscript,
) -> None:
    record = transcript("l07_middleware/cors-refused")
    with TestClient(app) as client:
        other_origin = record(
            client.options("/products", headers={"Origin": "https://evil.example", **PREFLIGHT})
        )
        other_method = record(
            client.options(
                "/products",
                headers={"Origin": FRONT_END, "Access-Control-Request-Method": "DELETE"},
            )
        )

    assert (other_origin.status_code, other_origin.text) == (400, "Disallowed CORS Origin")
    assert (other_method.status_code, other_method.text) == (400, "Disallowed CORS method")
    assert "Access-Control-Allow-Origin" not in other_origin.headers


def test_a_simple_request_names_only_an_allowed_origin(transcript: MakeTranscript) -> None:
    record = transcript("l07_middleware/cors-simple")
    with TestClient(app) as client:
        allowed = record(client.get("/health", headers={"Origin": FRONT_END}), headers=CORS_HEADERS)
        other = record(
            client.get("/health", headers={"Origin": "https://evil.example"}), headers=CORS_HEADERS
        )

    assert allowed.headers["Access-Control-Allow-Origin"] == FRONT_END
    # The server still answers: CORS is enforced by the browser, which refuses to hand
    # the response to the page because Access-Control-Allow-Origin is missing.
    assert other.status_code == 200
    assert "Access-Control-Allow-Origin" not in other.headers


def test_large_responses_are_gzipped_for_clients_that_accept_it(
    transcript: MakeTranscript,
) -> None:
    record = transcript("l07_middleware/compression")
    with TestClient(app) as client:
        # httpx decompresses for us; .content is the decoded body, the header tells the truth.
        zipped = client.get("/products", headers={"Accept-Encoding": "gzip"})
        plain = client.get("/products", headers={"Accept-Encoding": "identity"})
        small = client.get("/health", headers={"Accept-Encoding": "gzip"})
        record.add_text(
            "\n".join(
                f"GET {response.request.url.path} with Accept-Encoding: "
                f"{response.request.headers['Accept-Encoding']} -> "
                f"Content-Encoding: {response.headers.get('Content-Encoding', '(none)')}, "
                f"{response.headers['Content-Length']} bytes on the wire"
                for response in (zipped, plain, small)
            )
        )

    assert zipped.headers["Content-Encoding"] == "gzip"
    assert zipped.headers["Vary"] == "Accept-Encoding"
    assert zipped.json() == plain.json()
    assert int(zipped.headers["Content-Length"]) < int(plain.headers["Content-Length"]) / 3
    assert "Content-Encoding" not in plain.headers
    assert "Content-Encoding" not in small.headers  # under minimum_size: not worth it


def test_the_gzip_body_is_real_gzip() -> None:
    with (
        TestClient(app) as client,
        client.stream("GET", "/products", headers={"Accept-Encoding": "gzip"}) as response,
    ):
        raw = b"".join(response.iter_raw())

    assert raw[:2] == b"\x1f\x8b"  # the gzip magic number
    assert gzip.decompress(raw).startswith(b'[{"id":0,')


# --8<-- [start:rate-limit]
def test_the_sixth_request_in_a_minute_is_429(transcript: MakeTranscript) -> None:
    record = transcript("l07_middleware/rate-limit")
    shown = ["ratelimit-limit", "ratelimit-remaining", "ratelimit-policy"]
    with TestClient(app) as client:
        # Every request counts, so the transcript shows all six.
        allowed = [record(client.get("/products/1"), headers=shown) for _ in range(4)]
        last_allowed = record(client.get("/products/1"), headers=shown)
        refused = record(client.get("/products/1"), headers=shown)
        health = client.get("/health")

    assert [r.headers["RateLimit-Remaining"] for r in allowed] == ["4", "3", "2", "1"]
    assert last_allowed.status_code == 200
    assert last_allowed.headers["RateLimit-Remaining"] == "0"
    assert refused.status_code == 429
    assert refused.json() == {"status_code": 429, "detail": "Too Many Requests"}
    assert refused.headers["RateLimit-Policy"] == "5; w=60"
    # Seconds until the window resets: at most a minute.
    assert 0 <= int(refused.headers["RateLimit-Reset"]) <= 60
    assert health.status_code == 200  # excluded from the limit


# --8<-- [end:rate-limit]


@pytest.fixture
def log_lines() -> Iterator[list[str]]:
    """Collect what the logging middleware writes to the "litestar" logger."""
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage())

    handler = Collect()
    logger = logging.getLogger("litestar")
    logger.addHandler(handler)
    yield lines
    logger.removeHandler(handler)


# --8<-- [start:logging]
def test_requests_are_logged_with_secrets_masked(log_lines: list[str]) -> None:
    with TestClient(app) as client:
        client.cookies.set("session", "cookie-secret")
        client.get(
            "/products?page=2",
            headers={"Authorization": "Bearer token-secret", "X-API-Key": "key-secret"},
        )

    request_line, response_line = log_lines
    # With structlog merely installed (lesson 19's extra), Litestar 2.x parses the query into a
    # dict even for a standard-library logger: the middleware decides before it sees the logger.
    query = '{"page":["2"]}' if importlib.util.find_spec("structlog") else "page=2"
    assert request_line.startswith(f"HTTP Request: method=GET, path=/products, query={query}")
    assert '"authorization":"*****"' in request_line
    assert '"x-api-key":"*****"' in request_line
    assert '"cookie":"*****"' in request_line
    assert "secret" not in request_line
    assert response_line == "HTTP Response: status_code=200"


# --8<-- [end:logging]


def test_refused_requests_are_logged_because_logging_comes_first(log_lines: list[str]) -> None:
    with TestClient(app) as client:
        for _ in range(6):
            client.get("/products")

    requests = [line for line in log_lines if line.startswith("HTTP Request")]
    responses = [line for line in log_lines if line.startswith("HTTP Response")]
    assert len(requests) == 6
    # The 429 is raised inside the logging middleware and answered outside it,
    # so its response is not logged: only the five that reached the handler are.
    assert responses == ["HTTP Response: status_code=200"] * 5


# Built at import, like the step's app: building an app configures the "litestar" logger,
# which would drop the handler the log_lines fixture adds.
LOGGING_SECOND = Litestar(
    route_handlers=[list_products],
    middleware=[rate_limit.middleware, request_logging.middleware],
)


def test_logging_placed_after_the_rate_limit_never_sees_a_refused_request(
    log_lines: list[str],
) -> None:
    with TestClient(LOGGING_SECOND) as client:
        statuses = [client.get("/products").status_code for _ in range(6)]

    requests = [line for line in log_lines if line.startswith("HTTP Request")]
    assert statuses == [200] * 5 + [429]
    assert len(requests) == 5  # the sixth was refused before it reached the logging


def test_a_forged_forwarded_for_header_does_not_reset_the_count() -> None:
    with TestClient(app) as client:
        statuses = [
            client.get("/products", headers={"X-Forwarded-For": f"10.0.0.{n}"}).status_code
            for n in range(6)
        ]

    assert statuses == [200] * 5 + [429]


def test_your_obfuscation_list_replaces_the_default() -> None:
    assert LoggingMiddlewareConfig().request_headers_to_obfuscate == {"Authorization", "X-API-KEY"}
    assert LoggingMiddlewareConfig(
        request_headers_to_obfuscate={"Cookie"}
    ).request_headers_to_obfuscate == {"Cookie"}


def test_by_default_bodies_and_cookies_are_logged() -> None:
    defaults = LoggingMiddlewareConfig()

    assert "body" in defaults.request_log_fields
    assert "cookies" in defaults.request_log_fields
    assert "body" in defaults.response_log_fields
