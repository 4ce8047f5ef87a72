"""Step 05: a token in a header, a token in the query and a password in a body reach no log
line and no span attribute."""

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from litestar import Litestar
from litestar.plugins.opentelemetry import OpenTelemetryConfig, OpenTelemetryPlugin
from litestar.plugins.structlog import StructlogPlugin
from litestar.testing import TestClient
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.util.http import redact_url
from uvicorn.protocols.utils import get_path_with_query_string

from lessons.l19_observability import step05_no_secrets
from lessons.l19_observability.exercises.capture import json_lines
from lessons.l19_observability.step05_no_secrets import SHARE_TOKEN, create_app, login, shared_task
from tests.lessons.l19_observability.support import attribute_values
from tests.transcripts import MakeTranscript

BEARER = "eyJhbGciOiJIUzI1NiJ9.bearer-secret"
PASSWORD = "correct horse battery staple"
SECRETS = (BEARER, SHARE_TOKEN, PASSWORD)


@pytest.fixture
def stdlib_lines() -> Iterator[list[str]]:
    """Lines logged through the standard library by the app and the libraries it uses."""
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            # httpx is the test client, which lives in this process; a server never runs it.
            if record.name != "httpx":
                lines.append(record.getMessage())

    handler = Collect()
    logging.getLogger().addHandler(handler)
    yield lines
    logging.getLogger().removeHandler(handler)


def send_secrets(client: TestClient[Litestar]) -> None:
    headers = {"Authorization": f"Bearer {BEARER}"}
    client.post("/login", json={"username": "ada", "password": PASSWORD}, headers=headers)
    client.get(f"/shared/1?token={SHARE_TOKEN}", headers=headers)
    client.get(f"/shared/2?token={SHARE_TOKEN}&page=1")


def leaks(texts: list[str]) -> list[str]:
    return [secret for secret in SECRETS if any(secret in text for text in texts)]


# --8<-- [start:no-secrets]
def test_no_secret_reaches_a_log_line_or_a_span(
    stdlib_lines: list[str], provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    app = create_app(provider)  # first: building the app configures structlog afresh
    with json_lines() as logs, TestClient(app) as client:
        send_secrets(client)
    spans = exporter.get_finished_spans()

    assert len(logs) == 3 + 2 + 2
    assert len(spans) == 3
    assert leaks([str(line) for line in logs] + stdlib_lines + attribute_values(spans)) == []
    assert {
        line["headers"]["authorization"]
        for line in logs
        if "authorization" in line.get("headers", {})
    } == {"*****"}
    assert [(span.attributes or {})["http.url"] for span in spans] == [
        "http://testserver.local/login",
        "http://testserver.local/shared/1",
        "http://testserver.local/shared/2",
    ]


# --8<-- [end:no-secrets]


def test_the_endpoints_work(transcript: MakeTranscript) -> None:
    record = transcript("l19_observability/no-secrets")
    with TestClient(create_app()) as client:
        record(client.post("/login", json={"username": "ada", "password": PASSWORD}))
        record(client.get(f"/shared/1?token={SHARE_TOKEN}"))
        refused = record(client.get("/shared/1?token=guess"))

    assert refused.status_code == 403
    assert isinstance(step05_no_secrets.app, Litestar)


# --8<-- [start:mistakes]
def test_the_default_access_log_writes_the_password_and_the_token() -> None:
    defaults = Litestar([login, shared_task], plugins=[StructlogPlugin()])  # every field logged
    with json_lines() as logs, TestClient(defaults) as client:
        send_secrets(client)

    assert leaks([str(line) for line in logs]) == [SHARE_TOKEN, PASSWORD]  # the bearer is masked
    assert logs[0]["body"] == {"username": "ada", "password": PASSWORD}


def test_by_default_the_span_keeps_the_query_string(
    provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    plain = OpenTelemetryPlugin(OpenTelemetryConfig(tracer_provider=provider))
    with TestClient(Litestar([shared_task], plugins=[plain])) as client:
        client.get(f"/shared/1?token={SHARE_TOKEN}")

    assert leaks(attribute_values(exporter.get_finished_spans())) == [SHARE_TOKEN]
    # OpenTelemetry redacts a short list of cloud-signature parameters, and nothing else.
    assert redact_url("http://h/p?sig=abc&token=xyz") == "http://h/p?sig=REDACTED&token=xyz"


def test_uvicorn_s_own_access_log_writes_the_query_string() -> None:
    scope: Any = {"path": "/shared/1", "query_string": f"token={SHARE_TOKEN}".encode()}

    assert get_path_with_query_string(scope) == f"/shared/1?token={SHARE_TOKEN}"


# --8<-- [end:mistakes]


def test_uvicorn_can_leave_its_access_log_out() -> None:
    from uvicorn.main import main as uvicorn_command  # noqa: PLC0415 - the click command

    flags = {flag for param in uvicorn_command.params for flag in param.secondary_opts}
    assert "--no-access-log" in flags
