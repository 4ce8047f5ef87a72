"""Operations: liveness and readiness, request ids, logs, errors, limits, CORS, OpenAPI."""

import json
import logging
from typing import Any

from litestar import Litestar, get
from litestar.testing import TestClient

from capstone.app import create_app
from capstone.config import Settings
from capstone.http.middleware import JSONFormatter
from capstone.storage.channels import MemoryEventsBackend, RedisEventsBackend, live_events
from tests.capstone.conftest import sign_up
from tests.transcripts import MakeTranscript

Client = TestClient[Litestar]
Headers = dict[str, str]


def test_health_and_ready(client: Client, transcript: MakeTranscript) -> None:
    record = transcript("capstone/operations")
    health = record(client.get("/health"))
    ready = record(client.get("/ready"))

    assert health.json() == {"status": "ok"}
    assert ready.json() == {"status": "ready"}


def test_not_ready_while_the_database_server_is_down() -> None:
    # Nothing listens on port 1: every connection attempt is refused at once.
    down = "postgresql+asyncpg://postgres@127.0.0.1:1/tasks"
    settings = Settings(database_url=down, migrate_on_start=False)

    with TestClient(create_app(settings)) as client:
        health = client.get("/health")
        ready = client.get("/ready")

    assert health.status_code == 200  # the process is alive...
    assert ready.status_code == 503  # ...but cannot serve
    assert ready.json()["detail"] == "The database does not answer"


def test_every_response_has_a_request_id(client: Client, ada: Headers) -> None:
    generated = client.get("/tasks", headers=ada)
    unauthorized = client.get("/tasks")  # no token: a 401 from the auth middleware
    passed_on = client.get("/tasks", headers={**ada, "X-Request-ID": "from-the-proxy-1"})
    refused = client.get("/tasks", headers={**ada, "X-Request-ID": "bad id\twith tabs"})

    assert len(generated.headers["x-request-id"]) == 32
    assert unauthorized.status_code == 401
    assert len(unauthorized.headers["x-request-id"]) == 32
    assert passed_on.headers["x-request-id"] == "from-the-proxy-1"
    assert refused.headers["x-request-id"] != "bad id\twith tabs"


class JSONLines(logging.Handler):
    """Formats each record when it is logged, inside the request, as the real handler does."""

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(JSONFormatter())
        self.lines: list[dict[str, Any]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(json.loads(self.format(record)))


def test_an_unexpected_error_is_a_plain_500_and_a_json_log_line_with_the_request_id(
    settings: Settings,
) -> None:
    @get("/boom", exclude_from_auth=True)
    async def boom() -> None:
        raise RuntimeError("secret internals: password=hunter2")

    app = create_app(settings)
    app.register(boom)
    log = JSONLines()
    with TestClient(app) as client:
        logging.getLogger("capstone").addHandler(log)
        try:
            response = client.get("/boom", headers={"X-Request-ID": "req-42"})
        finally:
            logging.getLogger("capstone").removeHandler(log)

    assert response.status_code == 500
    assert response.json() == {
        "status": 500,
        "title": "Internal Server Error",
        "detail": "Something went wrong on our side",
        "fields": [],
    }
    assert "hunter2" not in response.text
    [line, access] = log.lines
    assert (access["logger"], access["status"], access["request_id"]) == (
        "capstone.access",
        500,
        "req-42",
    )
    assert line["request_id"] == "req-42"
    assert line["level"] == "ERROR"
    assert line["message"] == "unhandled error on GET /boom"
    assert "secret internals" in line["exception"]  # in the log, where we can read it


def test_a_body_over_the_limit_is_413(client: Client, ada: Headers) -> None:
    response = client.post("/tasks", json={"title": "x", "description": "y" * 70_000}, headers=ada)

    assert response.status_code == 413
    assert response.json()["status"] == 413


def test_cors_is_off_unless_origins_are_configured(settings: Settings, client: Client) -> None:
    preflight = {"Origin": "https://app.example", "Access-Control-Request-Method": "GET"}
    closed = client.options("/tasks", headers=preflight)
    configured = Settings(database_url=settings.database_url, cors_origins=("https://app.example",))
    with TestClient(create_app(configured)) as open_client:
        opened = open_client.options("/tasks", headers=preflight)

    assert "access-control-allow-origin" not in closed.headers
    assert opened.headers["access-control-allow-origin"] == "https://app.example"


def test_the_openapi_document_describes_security_tags_and_errors(client: Client) -> None:
    document = client.get("/schema/openapi.json").json()

    assert document["info"]["title"] == "Task API"
    assert document["components"]["securitySchemes"]["BearerToken"]["scheme"] == "Bearer"
    assert [tag["name"] for tag in document["tags"]] == ["auth", "tasks", "events", "operations"]
    patch = document["paths"]["/tasks/{task_id}"]["patch"]
    assert {"200", "400", "412"} <= set(patch["responses"])
    assert {parameter["name"] for parameter in patch["parameters"]} >= {"If-Match", "task_id"}
    title = document["components"]["schemas"]["NewTask"]["properties"]["title"]
    assert (title["minLength"], title["maxLength"], title["examples"]) == (
        1,
        200,
        ["Write the report"],
    )
    assert "password_hash" not in json.dumps(document)


def test_events_use_memory_alone_and_redis_when_configured() -> None:
    assert isinstance(live_events(None, "ns").events, MemoryEventsBackend)
    redis = live_events("redis://127.0.0.1:6379/0", "ns")
    assert isinstance(redis.events, RedisEventsBackend)  # it connects only when used
    assert redis.channel_of(7) == "ns:user:7"


def test_json_nested_too_deeply_is_a_400_and_other_recursion_is_a_500(
    settings: Settings,
) -> None:
    @get("/recurse", exclude_from_auth=True)
    async def recurse() -> None:
        raise RecursionError("maximum recursion depth exceeded")

    app = create_app(settings)
    app.register(recurse)
    nested = b'{"title": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    with TestClient(app) as client:
        headers = sign_up(client)
        deep = client.post(
            "/tasks", content=nested, headers={**headers, "content-type": "application/json"}
        )
        ours = client.get("/recurse")
        stored = client.get("/tasks", headers=headers).json()["total"]

    assert (deep.status_code, deep.json()["detail"]) == (400, "The JSON is nested too deeply")
    assert ours.status_code == 500
    assert stored == 0
