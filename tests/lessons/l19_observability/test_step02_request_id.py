"""Step 02: every line a request writes carries its id, and the response returns it."""

from typing import Any

import structlog
from litestar import Litestar, Request
from litestar.plugins.structlog import StructlogPlugin
from litestar.testing import TestClient

from lessons.l19_observability.step01_json_logs import logging_config, read_task
from lessons.l19_observability.step02_request_id import app
from tests.lessons.l19_observability.support import shown
from tests.transcripts import MakeTranscript


def test_every_line_of_a_request_carries_the_id_the_proxy_sent(
    logs: list[dict[str, Any]], transcript: MakeTranscript
) -> None:
    record = transcript("l19_observability/request-id")
    with TestClient(app) as client:
        response = record(
            client.get("/tasks/2", headers={"X-Request-ID": "lb-4f2a-0001"}),
            headers=["x-request-id"],
        )
    record.add_text("# the lines it wrote\n" + "\n".join(map(shown, logs)))

    assert response.headers["X-Request-ID"] == "lb-4f2a-0001"
    assert [line["event"] for line in logs] == ["HTTP Request", "task_read", "HTTP Response"]
    assert {line["request_id"] for line in logs} == {"lb-4f2a-0001"}


def test_without_an_id_or_with_an_unsafe_one_the_app_makes_one(logs: list[dict[str, Any]]) -> None:
    with TestClient(app) as client:
        fresh = client.get("/tasks/1")
        unsafe = client.get("/tasks/1", headers={"X-Request-ID": 'x" injected=1'})
        too_long = client.get("/tasks/1", headers={"X-Request-ID": "a" * 65})

    ids = [response.headers["X-Request-ID"] for response in (fresh, unsafe, too_long)]
    assert all(len(made) == 32 and int(made, 16) >= 0 for made in ids)  # uuid4().hex
    assert len(set(ids)) == 3  # one per request
    assert [line["request_id"] for line in logs] == [made for made in ids for _ in range(3)]
    assert not any("injected" in str(line) for line in logs)  # never repeated back


def test_the_binding_ends_with_the_request(logs: list[dict[str, Any]]) -> None:
    with TestClient(app) as client:
        client.get("/tasks/1", headers={"X-Request-ID": "first"})
    structlog.get_logger().info("after_the_request")

    assert "request_id" not in logs[-1]
    assert structlog.contextvars.get_contextvars() == {}


# --8<-- [start:mistake]
async def bind_too_late(request: Request[Any, Any, Any]) -> None:
    structlog.contextvars.bind_contextvars(request_id=request.headers.get("x-request-id"))


HOOKED = Litestar(
    route_handlers=[read_task],
    before_request=bind_too_late,  # runs inside the logging middleware, after its first line
    plugins=[StructlogPlugin(config=logging_config)],
)


def test_binding_in_a_before_request_hook_misses_the_access_log_line(
    logs: list[dict[str, Any]],
) -> None:
    with TestClient(HOOKED) as client:
        client.get("/tasks/1", headers={"X-Request-ID": "hooked"})
    structlog.contextvars.clear_contextvars()  # bind_contextvars is never undone by itself

    assert [(line["event"], line.get("request_id")) for line in logs] == [
        ("HTTP Request", None),
        ("task_read", "hooked"),
        ("HTTP Response", "hooked"),
    ]


# --8<-- [end:mistake]
