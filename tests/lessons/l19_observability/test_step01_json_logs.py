"""Step 01: one logging set-up for the app, one JSON object per line, access log included."""

import io
import logging
from collections.abc import Iterator
from typing import Any

import pytest
import structlog
from litestar import Litestar
from litestar.logging.config import LoggingConfig, StructLoggingConfig
from litestar.middleware.logging import LoggingMiddlewareConfig
from litestar.testing import TestClient

from lessons.l19_observability.step01_json_logs import app, read_task
from tests.lessons.l19_observability.support import shown
from tests.transcripts import MakeTranscript


def test_a_request_writes_three_json_lines(
    logs: list[dict[str, Any]], transcript: MakeTranscript
) -> None:
    record = transcript("l19_observability/json-logs")
    with TestClient(app) as client:
        response = record(client.get("/tasks/1"))
    record.add_text(
        "# what the app wrote to stdout for that request\n" + "\n".join(map(shown, logs))
    )

    assert response.status_code == 200
    assert [line["event"] for line in logs] == ["HTTP Request", "task_read", "HTTP Response"]
    assert logs[0] | {"timestamp": None} == {
        "method": "GET",
        "path": "/tasks/1",
        "event": "HTTP Request",
        "level": "info",
        "timestamp": None,
    }
    assert logs[1]["task_id"] == 1  # the handler's own fields, as values: 1, not "1"
    assert logs[2]["status_code"] == 200
    assert all(line["timestamp"].endswith("Z") for line in logs)  # ISO 8601, in UTC


def test_a_404_is_logged_by_the_access_log_too(logs: list[dict[str, Any]]) -> None:
    with TestClient(app) as client:
        client.get("/tasks/99")

    assert [(line["event"], line.get("status_code")) for line in logs] == [
        ("HTTP Request", None),
        ("HTTP Response", 404),
    ]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_by_default_a_terminal_gets_coloured_text_not_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stderr", Terminal())

    assert StructLoggingConfig().as_json() is False  # what you would see in `litestar run`
    assert StructLoggingConfig(pretty_print_tty=False).as_json() is True  # this step's choice


def test_lines_go_to_standard_output_as_bytes() -> None:
    # Litestar's default logger factory for JSON: BytesLogger, which writes to sys.stdout.
    factory = StructLoggingConfig(pretty_print_tty=False).logger_factory

    assert isinstance(factory, structlog.BytesLoggerFactory)


def test_the_standard_library_config_writes_text_lines() -> None:
    # LoggingConfig (no structlog) formats with a %-style text format: JSON would need a
    # formatter of your own. That is the reason this lesson uses structlog.
    formatter = LoggingConfig().formatters["standard"]

    assert formatter == {
        "format": "%(levelname)s - %(asctime)s - %(name)s - %(module)s - %(message)s"
    }


# --8<-- [start:quirk]
@pytest.fixture
def litestar_lines() -> Iterator[list[str]]:
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage())

    handler = Collect()
    logging.getLogger("litestar").addHandler(handler)
    yield lines
    logging.getLogger("litestar").removeHandler(handler)


# Built at import: building an app configures the "litestar" logger, dropping added handlers.
STDLIB_APP = Litestar(
    route_handlers=[read_task],
    logging_config=LoggingConfig(),  # the standard library, not structlog
    middleware=[
        LoggingMiddlewareConfig(request_log_fields=["query"], response_log_fields=()).middleware
    ],
)


def test_with_structlog_installed_a_stdlib_access_log_shows_the_query_as_a_dict(
    litestar_lines: list[str],
) -> None:
    with TestClient(STDLIB_APP) as client:
        client.get("/tasks/1?page=2")

    # The middleware decides to parse the query when structlog can be imported, before it
    # knows which logger it will use: without structlog installed this line is "query=page=2".
    assert litestar_lines == ['HTTP Request: query={"page":["2"]}']


# --8<-- [end:quirk]
