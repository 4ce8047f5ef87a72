"""Schemathesis against the capstone, signed in: no 5xx, and every answer matches the schema."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="install the fuzz group")
pytest.importorskip("argon2", reason="the capstone needs the capstone extra")

from argon2 import PasswordHasher  # noqa: E402 - after the importorskips above
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.python.asgi import get_client, shutdown_lifespans  # noqa: E402
from schemathesis.schemas import BaseSchema  # noqa: E402
from schemathesis.specs.openapi.checks import response_schema_conformance  # noqa: E402

from capstone.app import create_app  # noqa: E402
from capstone.config import Settings  # noqa: E402
from capstone.domain import users  # noqa: E402
from tests.fuzz.support import fuzz_schema  # noqa: E402

# GET /events is a server-sent event stream that never ends by itself; schemathesis keeps
# what arrived before the read timeout and checks that (status, headers, events so far).
STREAM_SECONDS = 0.2


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    # As in tests/capstone/conftest.py: the smallest legal argon2 costs, so hashing is cheap.
    monkeypatch.setattr(
        users, "PASSWORD_HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    )


@pytest.fixture
def signed_in(tmp_path: Path) -> Iterator[tuple[BaseSchema, dict[str, str]]]:
    """The capstone's schema, loaded from the app itself, and a bearer header for a new user."""
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'capstone.sqlite3'}",
        # The default 10/minute would answer most register/login cases with 429 and stop
        # them reaching the handlers; the limit itself is tested in tests/capstone/.
        login_rate_limit="100000/minute",
    )
    app = create_app(settings)
    # The client schemathesis itself uses: the app starts once, for these and the cases.
    with get_client(app) as client:  # type: ignore[arg-type] # Litestar's scope types are narrower
        credentials = {"username": "fuzzer", "password": "correct horse battery"}
        assert client.post("/auth/register", json=credentials).status_code == 201
        login = client.post("/auth/login", json=credentials)
        assert login.status_code == 200, login.text
    bearer = {"Authorization": f"Bearer {login.json()['access_token']}"}
    try:
        yield schemathesis.openapi.from_asgi("/schema/openapi.json", app), bearer
    finally:
        shutdown_lifespans()  # close the engine; a failing shutdown fails the test


def test_every_operation_survives_fuzzing_signed_in(
    signed_in: tuple[BaseSchema, dict[str, str]],
) -> None:
    schema, bearer = signed_in
    failures = fuzz_schema(
        schema,
        headers=bearer,
        timeouts={"GET /events": STREAM_SECONDS},
        checks=[not_a_server_error, response_schema_conformance],
    )
    assert not failures, "\n\n".join(failures)


# The capstone's error body is problem details {status, title, detail, fields}; each
# operation documents it (capstone/http/schemas.py `errors`), and a 400 must match.
@pytest.mark.parametrize(
    ("method", "path", "request_parts"),
    [
        pytest.param("POST", "/auth/register", {"body": {}}, id="register-empty-object"),
        pytest.param("GET", "/tasks", {"query": {"sort": "sideways"}}, id="list-bad-sort"),
        pytest.param(
            "DELETE",
            "/tasks/{task_id}",
            {"path_parameters": {"task_id": 1}, "headers": {"If-Match": "nonsense"}},
            id="delete-bad-if-match",
        ),
    ],
)
def test_a_400_matches_its_documented_schema(
    signed_in: tuple[BaseSchema, dict[str, str]],
    method: str,
    path: str,
    request_parts: dict[str, Any],
) -> None:
    schema, bearer = signed_in
    case = schema[path][method].Case(**request_parts)
    response = case.call(headers=bearer)
    assert response.status_code == 400, response.text  # so the xfail is about the body only
    case.validate_response(response, checks=[response_schema_conformance])


def test_an_offset_past_64_bits_is_a_400_not_a_server_error(
    signed_in: tuple[BaseSchema, dict[str, str]],
) -> None:
    # SQLite's driver raises OverflowError for an integer over 64 bits: `offset` is bounded.
    schema, bearer = signed_in
    case = schema["/tasks"]["GET"].Case(query={"offset": 2**63})
    response = case.call(headers=bearer)
    assert response.status_code == 400, response.text
    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])
