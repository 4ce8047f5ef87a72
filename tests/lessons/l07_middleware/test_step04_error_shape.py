"""Step 04: every error, 4xx or 5xx, has the same four keys; a 500 reveals nothing."""

import logging
from collections.abc import Iterator

import pytest
from litestar import Litestar, get
from litestar.exceptions import HTTPException
from litestar.testing import TestClient

from lessons.l07_middleware.step04_error_shape import app, http_error, unexpected_error
from tests.transcripts import MakeTranscript

SHAPE = {"status", "error", "detail", "fields"}


def test_success_and_a_domain_error(transcript: MakeTranscript) -> None:
    record = transcript("l07_middleware/errors-domain")
    with TestClient(app) as client:
        reserved = record(client.post("/stock/1/reserve", json={"quantity": 5}))
        too_many = record(client.post("/stock/1/reserve", json={"quantity": 50}))
        missing = record(client.get("/stock/99"))

    assert reserved.json() == {"product_id": 1, "left": 7}
    assert too_many.json() == {
        "status": 409,
        "error": "Conflict",
        "detail": "Only 7 left",
        "fields": [],
    }
    assert missing.json()["detail"] == "No product with id 99"


def test_validation_errors_list_the_fields(transcript: MakeTranscript) -> None:
    record = transcript("l07_middleware/errors-validation")
    with TestClient(app) as client:
        zero = record(client.post("/stock/1/reserve", json={"quantity": 0}))
        too_long = client.get("/stock/1", params={"warehouse": "far-too-long"})

    assert zero.status_code == 400
    assert zero.json()["fields"] == [
        {"message": "Expected `int` >= 1", "key": "quantity", "source": "body"}
    ]
    assert too_long.json()["fields"] == [
        {"message": "Expected `str` of length <= 8", "key": "warehouse", "source": "query"}
    ]


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "detail"),
    [
        ("GET", "/stock/1?warehouse=far-too-long", None, 400, "Validation failed for GET"),
        ("POST", "/stock/1/reserve", b"{not json", 400, "JSON is malformed"),
        ("POST", "/stock/1/reserve", b"{}", 400, "Validation failed for POST"),
        ("POST", "/stock/1/reserve", b'{"quantity": "two"}', 400, "Validation failed"),
        ("POST", "/stock/2/reserve", b'{"quantity": 1}', 409, "Only 0 left"),
        ("GET", "/stock/99", None, 404, "No product with id 99"),
        ("GET", "/stock/abc", None, 404, "Not Found"),  # the router: no route matches
        ("GET", "/nowhere", None, 404, "Not Found"),
        ("DELETE", "/stock/1", None, 405, "Method Not Allowed"),
        ("POST", "/stock/1/reserve", b" " * 2000, 413, "Request Entity Too Large"),
    ],
)
def test_every_client_error_has_the_same_shape(
    method: str, path: str, body: bytes | None, status: int, detail: str
) -> None:
    with TestClient(app) as client:
        response = client.request(
            method, path, content=body, headers={"Content-Type": "application/json"}
        )

    assert response.status_code == status
    assert set(response.json()) == SHAPE
    assert response.json()["status"] == status
    assert response.json()["detail"].startswith(detail)


def test_an_oversized_body_is_413_and_changes_nothing(transcript: MakeTranscript) -> None:
    record = transcript("l07_middleware/errors-too-large")
    with TestClient(app) as client:
        response = record(client.post("/stock/1/reserve", json={"quantity": 1, "note": "x" * 1100}))
        after = client.get("/stock/1")

    assert response.status_code == 413
    assert after.json()["quantity"] == 12


@pytest.fixture
def error_log() -> Iterator[list[logging.LogRecord]]:
    records: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Collect()
    logger = logging.getLogger("lessons.l07_middleware.step04_error_shape")
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)


# --8<-- [start:unexpected]
@get("/report")
async def broken_report() -> dict[str, str]:
    raise RuntimeError("db password=hunter2 rejected by 10.0.0.7")


def test_an_unexpected_error_is_a_generic_500_and_a_log_entry(
    transcript: MakeTranscript, error_log: list[logging.LogRecord]
) -> None:
    record = transcript("l07_middleware/errors-unexpected")
    failing_app = Litestar(
        [broken_report],
        exception_handlers=app.exception_handlers,  # the lesson's two handlers
    )
    with TestClient(failing_app) as client:
        response = record(client.get("/report"))

    assert response.json() == {
        "status": 500,
        "error": "Internal Server Error",
        "detail": "Something went wrong on our side",
        "fields": [],
    }
    assert "hunter2" not in response.text
    assert "Traceback" not in response.text
    # The details are in the server's log instead.
    [entry] = error_log
    assert entry.getMessage() == "Unhandled error on GET /report"
    assert entry.exc_info is not None
    assert "hunter2" in str(entry.exc_info[1])


# --8<-- [end:unexpected]


def test_the_app_registers_exactly_the_two_handlers() -> None:
    assert app.exception_handlers == {HTTPException: http_error, Exception: unexpected_error}


# --8<-- [start:pitfall-debug]
def test_debug_mode_sends_the_traceback_to_the_client() -> None:
    leaky_app = Litestar([broken_report], debug=True)  # no exception handlers, debug on

    with TestClient(leaky_app) as client:
        response = client.get("/report", headers={"Accept": "text/plain"})

    assert response.status_code == 500
    assert "Traceback" in response.text
    assert "hunter2" in response.text  # the secret in the message reaches the client


# --8<-- [end:pitfall-debug]


def test_the_schema_documents_the_same_error_shape() -> None:
    with TestClient(app) as client:
        paths = client.get("/schema/openapi.json").json()["paths"]

    documented = {
        (path, code): response["content"]["application/json"]["schema"]
        for path, methods in paths.items()
        for operation in methods.values()
        for code, response in operation["responses"].items()
        if code.startswith(("4", "5"))
    }
    assert set(documented) == {
        ("/stock/{product_id}", "400"),
        ("/stock/{product_id}", "404"),
        ("/stock/{product_id}/reserve", "400"),
        ("/stock/{product_id}/reserve", "404"),
        ("/stock/{product_id}/reserve", "409"),
        ("/stock/{product_id}/reserve", "413"),
    }
    # Litestar's default 400 body ({"status_code", "detail", "extra"}) is gone everywhere.
    assert all(
        schema == {"$ref": "#/components/schemas/ErrorBody"} for schema in documented.values()
    )
