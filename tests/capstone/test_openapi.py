"""The OpenAPI document tells the truth: who needs a token, which headers come back, in what
format headers go in, what the event stream is. Schemathesis checks the responses against it
(tests/fuzz/test_capstone.py); these pin what it says."""

from __future__ import annotations

from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient

Client = TestClient[Litestar]
Document = dict[str, Any]

PUBLIC = {
    ("/auth/register", "post"),
    ("/auth/login", "post"),
    ("/health", "get"),
    ("/ready", "get"),
}


@pytest.fixture
def document(client: Client) -> Document:
    response = client.get("/schema/openapi.json")
    assert response.status_code == 200
    return dict(response.json())


def operations(document: Document) -> dict[tuple[str, str], Document]:
    return {
        (path, method): operation
        for path, item in document["paths"].items()
        for method, operation in item.items()
    }


def test_public_routes_need_no_token_and_the_rest_need_one(
    client: Client, document: Document
) -> None:
    assert document["security"] == [{"BearerToken": []}]
    public = {
        key for key, operation in operations(document).items() if operation.get("security") == []
    }
    assert public == PUBLIC
    # And what the document says is what the server does.
    assert client.get("/health").status_code == 200
    assert client.get("/me").status_code == 401


def test_every_response_documents_the_request_id(document: Document) -> None:
    missing = [
        (path, method, status)
        for (path, method), operation in operations(document).items()
        for status, response in operation["responses"].items()
        if response.get("headers", {}).get("X-Request-ID", {}).get("required") is not True
    ]
    assert missing == []


def test_an_unrouted_request_gets_a_request_id_too(client: Client) -> None:
    # No route, so no middleware ran: the error handler makes the id itself.
    response = client.get("/nowhere", headers={"X-Request-ID": "trace-1"})

    assert response.status_code == 404
    assert response.headers["x-request-id"] == "trace-1"


def test_writes_document_their_headers(document: Document) -> None:
    ops = operations(document)
    created = ops["/tasks", "post"]["responses"]["201"]["headers"]
    stale = ops["/tasks/{task_id}", "patch"]["responses"]["412"]["headers"]
    limited = ops["/auth/login", "post"]["responses"]["429"]["headers"]

    assert {"ETag", "Location", "Idempotent-Replayed"} <= set(created)
    assert created["Idempotent-Replayed"]["required"] is False
    assert "ETag" in stale
    assert {"Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"} <= set(
        limited
    )


def test_errors_are_documented_as_problem_details(document: Document) -> None:
    not_found = operations(document)["/tasks/{task_id}", "get"]["responses"]["404"]

    assert set(not_found["content"]) == {"application/problem+json"}
    assert set(document["components"]["schemas"]["ErrorBody"]["required"]) == {
        "status",
        "title",
        "detail",
        "fields",
    }


def test_header_formats_are_in_the_schema(document: Document) -> None:
    parameters = {
        parameter["name"]: parameter["schema"]
        for operation in operations(document).values()
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "header"
    }

    assert parameters["If-Match"] == {
        "type": "string",
        "pattern": '^(\\*|"[0-9]{1,9}")$',
        "description": parameters["If-Match"]["description"],
    }
    assert parameters["Idempotency-Key"]["pattern"] == "^[A-Za-z0-9._:-]{1,64}$"
    assert "oneOf" not in parameters["Idempotency-Key"]  # a header is never null


def test_bodies_that_refuse_unknown_fields_say_so(document: Document) -> None:
    schemas = document["components"]["schemas"]

    closed = {
        name for name, schema in schemas.items() if schema.get("additionalProperties") is False
    }
    assert closed == {"Credentials", "NewTask", "TaskChanges"}


def test_the_largest_offset_is_exactly_the_largest_64_bit_integer(document: Document) -> None:
    offset = next(
        parameter
        for parameter in operations(document)["/tasks", "get"]["parameters"]
        if parameter["name"] == "offset"
    )

    assert offset["schema"]["maximum"] == 2**63 - 1  # not 9.223372036854776e18, which is more


def test_the_event_stream_is_documented_as_one(document: Document) -> None:
    stream = operations(document)["/events", "get"]

    assert set(stream["responses"]["200"]["content"]) == {"text/event-stream"}
    assert "/events/ws" in stream["description"]  # the WebSocket, which OpenAPI cannot describe


def test_links_lead_from_a_task_to_what_can_be_done_with_it(document: Document) -> None:
    update = operations(document)["/tasks", "post"]["responses"]["201"]["links"]["update"]

    assert update == {
        "operationId": "updateTask",
        "parameters": {"task_id": "$response.body#/id", "header.If-Match": "$response.header.ETag"},
        "description": "Change it",
    }
