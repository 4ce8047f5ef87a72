"""Schemathesis against the capstone, on SQLite and on PostgreSQL + Redis, with every check.

Two passes on each backend: every operation alone (positive and negative cases), and stateful
sequences that follow the document's links (register -> log in; create -> read, change,
delete with the ETag the answer carried). Every one of schemathesis's checks runs: no 5xx,
statuses, content types, headers and bodies as documented, bad input refused, good input
accepted, auth enforced where the document says it is, deleted tasks gone.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="install the fuzz group")
pytest.importorskip("argon2", reason="the capstone needs the capstone extra")

from argon2 import PasswordHasher  # noqa: E402 - after the importorskips above
from hypothesis import HealthCheck, Phase, settings  # noqa: E402
from schemathesis import Case  # noqa: E402
from schemathesis.checks import CHECKS, CheckFunction, load_all_checks  # noqa: E402
from schemathesis.config._auth import AuthConfig  # noqa: E402
from schemathesis.core.transport import Response  # noqa: E402
from schemathesis.python.asgi import get_client, shutdown_lifespans  # noqa: E402
from schemathesis.schemas import BaseSchema  # noqa: E402
from schemathesis.specs.openapi.checks import response_schema_conformance  # noqa: E402

from capstone.app import create_app  # noqa: E402
from capstone.config import Settings  # noqa: E402
from capstone.domain import users  # noqa: E402
from tests.fuzz.support import fuzz_schema  # noqa: E402
from tests.services import isolated_postgres_database, require_redis  # noqa: E402

# GET /events is a server-sent event stream that never ends by itself; schemathesis keeps
# what arrived before the read timeout and checks that (status, headers, events so far).
STREAM = "GET /events"
# Long enough for the first bytes to arrive on a busy machine (0.2 s was not, in CI's share).
STREAM_SECONDS = 1.0
# Each stateful scenario is a handful of linked calls. Every check on two backends costs
# more than one check on one: the short pass (`nox -s fuzz`, on every push) takes fewer
# examples here than the lessons do; `nox -s fuzz-deep` sets FUZZ_EXAMPLES for all of them.
STEPS = 6
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "5"))

load_all_checks()
# Every check schemathesis has (a few are classes that behave as check functions).
ALL_CHECKS = cast("list[CheckFunction]", CHECKS.get_all())


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    # As in tests/capstone/conftest.py: the smallest legal argon2 costs, so hashing is cheap.
    monkeypatch.setattr(
        users, "PASSWORD_HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    )


@pytest.fixture(params=["sqlite", "postgresql+redis"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    # The default 10/minute would answer most register/login cases with 429 and stop them
    # reaching the handlers; the limit itself is tested in tests/capstone/.
    limit = "100000/minute"
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'capstone.sqlite3'}"
        yield Settings(database_url=url, login_rate_limit=limit)
        return
    redis_url = require_redis()
    with isolated_postgres_database() as url:
        yield Settings(database_url=url, redis_url=redis_url, login_rate_limit=limit)


@pytest.fixture
def signed_in(backend: Settings) -> Iterator[tuple[BaseSchema, dict[str, str]]]:
    """The capstone's schema, loaded from the app itself, and a bearer header for a new user."""
    app = create_app(backend)
    # The client schemathesis itself uses: the app starts once, for these and the cases.
    with get_client(app) as client:  # type: ignore[arg-type] # Litestar's scope types are narrower
        credentials = {"username": "fuzzer", "password": "correct horse battery"}
        assert client.post("/auth/register", json=credentials).status_code == 201
        login = client.post("/auth/login", json=credentials)
        assert login.status_code == 200, login.text
    token = login.json()["access_token"]
    bearer = {"Authorization": f"Bearer {token}"}
    schema = schemathesis.openapi.from_asgi("/schema/openapi.json", app)
    # Told as the document's own scheme, schemathesis knows which requests carry the token,
    # so its auth and negative checks judge them by it.
    schema.config.auth = AuthConfig(openapi={"BearerToken": {"bearer": token}})
    # Two answers to well-formed requests that depend on what came before, not on the form:
    # a retry with an Idempotency-Key already used with another body is a 422 by design
    # (IETF idempotency-key draft), and generated keys repeat; an ETag that a link carried
    # from an earlier answer is stale once another step changed the task: a 412.
    acceptance = schema.config.checks.positive_data_acceptance
    acceptance.expected_statuses = [*acceptance.expected_statuses, "412", "422"]
    try:
        yield schema, bearer
    finally:
        shutdown_lifespans()  # close the engine; a failing shutdown fails the test


def test_every_operation_passes_every_check(
    signed_in: tuple[BaseSchema, dict[str, str]],
) -> None:
    schema, bearer = signed_in
    failures = fuzz_schema(
        schema, timeouts={STREAM: STREAM_SECONDS}, checks=ALL_CHECKS, max_examples=EXAMPLES
    )
    assert not failures, "\n\n".join(failures)
    assert tasks_created(schema, bearer) > 0  # the cases were signed in, not all 401s


def tasks_created(schema: BaseSchema, bearer: dict[str, str]) -> int:
    listing = schema["/tasks"]["GET"].Case(query={"limit": 1}).call(headers=bearer)
    assert listing.status_code == 200, listing.text
    return int(listing.json()["total"])


def test_linked_sequences_pass_every_check(signed_in: tuple[BaseSchema, dict[str, str]]) -> None:
    schema, bearer = signed_in
    machine = schema.as_state_machine()

    class SignedIn(machine):  # type: ignore[misc,valid-type] # made at run time
        def get_call_kwargs(self, case: Case[Any]) -> dict[str, Any]:
            timeout = STREAM_SECONDS if case.operation.label == STREAM else None
            return {"timeout": timeout}

        def validate_response(self, response: Response, case: Case[Any], **kwargs: Any) -> None:
            case.validate_response(response, checks=ALL_CHECKS, transport_kwargs=kwargs)

    SignedIn.run(
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=STEPS,
            deadline=None,
            derandomize=True,
            database=None,
            phases=[Phase.explicit, Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
        )
    )
    assert tasks_created(schema, bearer) > 0


def test_the_links_the_stateful_pass_follows_are_in_the_document(
    signed_in: tuple[BaseSchema, dict[str, str]],
) -> None:
    # Without them the stateful pass would only ever make unrelated calls.
    schema, _ = signed_in
    document = schema.raw_schema
    links = {
        (path, method, status): sorted(response.get("links", {}))
        for path, item in document["paths"].items()
        for method, operation in item.items()
        for status, response in operation["responses"].items()
        if response.get("links")
    }

    assert links == {
        ("/auth/register", "post", "201"): ["logIn"],
        ("/tasks", "post", "201"): ["delete", "read", "update"],
        ("/tasks/{task_id}", "get", "200"): ["delete", "read", "update"],
        ("/tasks/{task_id}", "patch", "200"): ["delete", "read", "update"],
    }


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
    assert response.status_code == 400, response.text  # so the check is about the body only
    case.validate_response(response, checks=[response_schema_conformance])


def test_an_offset_past_64_bits_is_a_400_not_a_server_error(
    signed_in: tuple[BaseSchema, dict[str, str]],
) -> None:
    # SQLite's driver raises OverflowError for an integer over 64 bits: `offset` is bounded.
    schema, bearer = signed_in
    case = schema["/tasks"]["GET"].Case(query={"offset": 2**63})
    response = case.call(headers=bearer)
    assert response.status_code == 400, response.text
    case.validate_response(response, checks=ALL_CHECKS)
