"""Bad input of every kind: a 4xx whose body says what is wrong, and nothing stored changes.

Every case asserts the whole error body {"status", "title", "detail", "fields"}. Every write
also compares the database (every row of both tables) before and after.
"""

# ruff: noqa: E501 - the case tables read best one case per line
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from http import HTTPStatus
from typing import Any, cast, get_args

import pytest
from litestar.testing import TestClient

from capstone.config import Settings
from capstone.http.schemas import Description, Title, Username
from capstone.http.tasks import MAX_PAGE
from tests.capstone.conftest import signed

Client = TestClient[Any]
Headers = dict[str, str]
Rows = dict[str, list[tuple[Any, ...]]]

JSON = "application/json"
VALIDATION = "Validation failed for {method} {path}"  # Litestar's detail for a bad field

# The patterns, as the error messages quote them.
TITLE_PATTERN = get_args(Title)[1].pattern
DESCRIPTION_PATTERN = get_args(Description)[1].pattern
USERNAME_PATTERN = get_args(Username)[1].pattern


def error(status: int, detail: str, fields: list[dict[str, str]] | None = None) -> dict[str, Any]:
    return {
        "status": status,
        "title": HTTPStatus(status).phrase,
        "detail": detail,
        "fields": fields or [],
    }


def body(key: str, message: str) -> dict[str, str]:
    return {"message": message, "key": key, "source": "body"}


def raw(value: object) -> bytes:
    return json.dumps(value).encode()


@pytest.fixture
def database(settings: Settings) -> Callable[[], Rows]:
    """Every row of both tables, read straight from the SQLite file."""
    path = settings.database_url.removeprefix("sqlite+aiosqlite:///")

    def rows() -> Rows:
        with sqlite3.connect(path) as connection:
            return {
                table: connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()  # noqa: S608
                for table in ("user_account", "task")
            }

    return rows


@pytest.fixture
def task(client: Client, ada: Headers) -> dict[str, Any]:
    fields = {"title": "Report", "description": "Q3", "priority": "high", "due_date": "2026-12-24"}
    created = client.post("/tasks", json=fields, headers=ada)
    assert created.status_code == 201
    changed = client.patch(f"/tasks/{created.json()['id']}", json={"status": "done"}, headers=ada)
    assert changed.json()["version"] == 2  # a version other than 1, to see it stay put
    return dict(changed.json())


@pytest.fixture
def unchanged(
    client: Client, ada: Headers, task: dict[str, Any], database: Callable[[], Rows]
) -> Iterator[None]:
    """Assert (after the test) that ada's tasks and every stored row are as they were."""
    before_rows, before_tasks = database(), client.get("/tasks", headers=ada).json()
    yield
    assert client.get("/tasks", headers=ada).json() == before_tasks
    assert client.get(f"/tasks/{task['id']}", headers=ada).json() == task  # version too
    assert database() == before_rows


# --- bodies: sent to POST /tasks and to PATCH /tasks/{id} alike -------------------------

BAD_BODIES = [
    # Not JSON, or not a JSON object.
    pytest.param(
        b"{not json", JSON, "JSON is malformed: object keys must be strings (byte 1)", [],
        id="malformed-json",
    ),
    pytest.param(b'{"title": "T"', JSON, "Input data was truncated", [], id="truncated-json"),
    pytest.param(b"[]", JSON, VALIDATION, [body("data", "Expected `object`, got `array`")], id="array"),
    pytest.param(b'"T"', JSON, VALIDATION, [body("data", "Expected `object`, got `str`")], id="string"),
    pytest.param(b"null", JSON, VALIDATION, [body("data", "Expected `object`, got `null`")], id="null"),
    pytest.param(b"3", JSON, VALIDATION, [body("data", "Expected `object`, got `int`")], id="number"),
    pytest.param(
        b"", JSON, VALIDATION, [body("data", "The body is empty: send a JSON object")],
        id="empty-body",
    ),
    pytest.param(
        b'{"title": "\xff"}', JSON,
        "The body is not valid UTF-8; JSON must be UTF-8 encoded", [], id="invalid-utf8",
    ),
    pytest.param(
        b'{"title": "\\ud800 stands alone"}', JSON,
        "JSON is malformed: unexpected end of escaped utf-16 surrogate pair (byte 17)", [],
        id="lone-surrogate-escape",
    ),
    # Litestar 2.25 parses a JSON body whatever the Content-Type: a form fails as bad JSON.
    pytest.param(
        b"title=Write+it", "application/x-www-form-urlencoded",
        "JSON is malformed: invalid character (byte 4)", [], id="form-encoded",
    ),
    pytest.param(
        b"Write it", "text/plain", "JSON is malformed: invalid character (byte 0)", [],
        id="text-plain",
    ),
    # Wrong types, field by field.
    *(
        pytest.param(raw({"title": "T", **cast("dict[str, Any]", sent)}), JSON, VALIDATION, [body(key, message)], id=name)
        for name, key, sent, message in [
            ("title-int", "title", {"title": 3}, "Expected `str`, got `int`"),
            ("title-float", "title", {"title": 1.5}, "Expected `str`, got `float`"),
            ("title-array", "title", {"title": ["T"]}, "Expected `str`, got `array`"),
            ("title-null", "title", {"title": None}, "Expected `str`, got `null`"),
            ("description-int", "description", {"description": 3}, "Expected `str`, got `int`"),
            ("description-null", "description", {"description": None}, "Expected `str`, got `null`"),
            ("priority-int", "priority", {"priority": 1}, "Expected `str`, got `int`"),
            ("priority-null", "priority", {"priority": None}, "Expected `str`, got `null`"),
            ("status-bool", "status", {"status": True}, "Expected `str`, got `bool`"),
            ("status-null", "status", {"status": None}, "Expected `str`, got `null`"),
            ("due-date-int", "due_date", {"due_date": 3}, "Expected `date | null`, got `int`"),
            ("due-date-object", "due_date", {"due_date": {}}, "Expected `date | null`, got `object`"),
            # Lengths and closed sets.
            ("title-empty", "title", {"title": ""}, "Expected `str` of length >= 1"),
            ("title-201-chars", "title", {"title": "x" * 201}, "Expected `str` of length <= 200"),
            ("title-blank", "title", {"title": "   "}, f"Expected `str` matching regex {TITLE_PATTERN!r}"),
            ("title-nul", "title", {"title": "a\u0000b"}, f"Expected `str` matching regex {TITLE_PATTERN!r}"),
            (
                "description-nul", "description", {"description": "a\u0000b"},
                f"Expected `str` matching regex {DESCRIPTION_PATTERN!r}",
            ),
            (
                "description-10001-chars", "description", {"description": "x" * 10_001},
                "Expected `str` of length <= 10000",
            ),
            ("priority-unknown", "priority", {"priority": "urgent"}, "Invalid enum value 'urgent'"),
            ("priority-wrong-case", "priority", {"priority": "HIGH"}, "Invalid enum value 'HIGH'"),
            ("status-unknown", "status", {"status": "finished"}, "Invalid enum value 'finished'"),
            ("status-wrong-case", "status", {"status": "DONE"}, "Invalid enum value 'DONE'"),
            # Dates: RFC 3339 full-date only.
            ("due-date-month-13", "due_date", {"due_date": "2026-13-01"}, "Invalid RFC3339 encoded date"),
            ("due-date-feb-30", "due_date", {"due_date": "2026-02-30"}, "Invalid RFC3339 encoded date"),
            ("due-date-tomorrow", "due_date", {"due_date": "tomorrow"}, "Invalid RFC3339 encoded date"),
            ("due-date-day-first", "due_date", {"due_date": "24/12/2026"}, "Invalid RFC3339 encoded date"),
            (
                "due-date-is-datetime", "due_date", {"due_date": "2026-12-24T10:00:00Z"},
                "Invalid RFC3339 encoded date",
            ),
        ]
    ),
    # Fields the server sets, and fields that do not exist: refused, not ignored.
    *(
        pytest.param(
            raw({"title": "T", field: value}), JSON, VALIDATION,
            [body("data", f"Object contains unknown field `{field}`")], id=f"client-sets-{field}",
        )
        for field, value in [
            ("id", 999),
            ("owner_id", 2),
            ("created_at", "2020-01-01T00:00:00Z"),
            ("updated_at", "2020-01-01T00:00:00Z"),
            ("completed_at", None),
            ("version", 99),
            ("priority_rank", 0),
            ("done", True),
        ]
    ),
]  # fmt: skip


@pytest.mark.usefixtures("unchanged")
@pytest.mark.parametrize("method", ["POST", "PATCH"])
@pytest.mark.parametrize(("content", "content_type", "detail", "fields"), BAD_BODIES)
def test_a_bad_body_is_400_and_stores_nothing(  # noqa: PLR0917 - pytest fixtures
    client: Client,
    ada: Headers,
    task: dict[str, Any],
    method: str,
    content: bytes,
    content_type: str,
    detail: str,
    fields: list[dict[str, str]],
) -> None:
    path = "/tasks" if method == "POST" else f"/tasks/{task['id']}"
    headers = {**ada, "Content-Type": content_type}

    response = client.request(method, path, content=content, headers=headers)

    assert response.status_code == 400
    assert response.json() == error(400, detail.format(method=method, path=path), fields)


@pytest.mark.usefixtures("unchanged")
@pytest.mark.parametrize(
    ("sent", "message"),
    [
        pytest.param({}, "Object missing required field `title`", id="empty-object"),
        pytest.param({"description": "D"}, "Object missing required field `title`", id="no-title"),
    ],
)
def test_a_new_task_needs_a_title(
    client: Client, ada: Headers, sent: dict[str, str], message: str
) -> None:
    response = client.post("/tasks", json=sent, headers=ada)

    assert response.status_code == 400
    assert response.json() == error(
        400, "Validation failed for POST /tasks", [body("data", message)]
    )


def test_the_limits_are_exactly_where_the_messages_say(client: Client, ada: Headers) -> None:
    longest = {"title": "x" * 200, "description": "x" * 10_000}

    response = client.post("/tasks", json=longest, headers=ada)

    assert response.status_code == 201
    assert {key: response.json()[key] for key in longest} == longest


@pytest.mark.parametrize("content_type", [None, "text/plain"])
def test_litestar_reads_a_json_body_whatever_its_content_type(
    client: Client, ada: Headers, content_type: str | None
) -> None:
    # Litestar 2.25 does not check Content-Type for a JSON body: it decodes the bytes.
    headers = ada if content_type is None else {**ada, "Content-Type": content_type}

    response = client.post("/tasks", content=b'{"title": "T"}', headers=headers)

    assert response.status_code == 201
    assert response.json()["title"] == "T"


# --- bodies over request_max_body_size (64 KiB) ------------------------------------------

OVERSIZE = raw({"description": "x" * 70_000})


def chunks() -> Iterator[bytes]:
    # No Content-Length: the limit holds for a streamed (chunked) body too.
    yield b'{"description": "'
    for _ in range(70):
        yield b"x" * 1024
    yield b'"}'


@pytest.mark.usefixtures("unchanged")
@pytest.mark.parametrize(
    ("method", "path", "content"),
    [
        pytest.param("POST", "/tasks", OVERSIZE, id="create"),
        pytest.param("PATCH", "/tasks/{id}", OVERSIZE, id="change"),
        pytest.param("POST", "/tasks", chunks, id="create-chunked"),
        pytest.param("POST", "/auth/register", OVERSIZE, id="register"),
        pytest.param("POST", "/auth/login", OVERSIZE, id="login"),
    ],
)
def test_a_body_over_64_kib_is_413(  # noqa: PLR0917 - pytest fixtures
    client: Client,
    ada: Headers,
    task: dict[str, Any],
    method: str,
    path: str,
    content: bytes | Callable[[], Iterator[bytes]],
) -> None:
    sent = content if isinstance(content, bytes) else content()
    url = path.format(id=task["id"])

    response = client.request(method, url, content=sent, headers={**ada, "Content-Type": JSON})

    assert response.status_code == 413
    assert response.json() == error(413, "Request Entity Too Large")


# --- query parameters of GET /tasks --------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "key", "message"),
    [
        pytest.param("status=closed", "status", "Invalid enum value 'closed'", id="status-unknown"),
        pytest.param("status=DONE", "status", "Invalid enum value 'DONE'", id="status-wrong-case"),
        pytest.param("priority=urgent", "priority", "Invalid enum value 'urgent'", id="priority-unknown"),
        pytest.param("due_before=2026-13-01", "due_before", "Invalid RFC3339 encoded date", id="due-before-month-13"),
        pytest.param("due_before=tomorrow", "due_before", "Invalid RFC3339 encoded date", id="due-before-tomorrow"),
        pytest.param("due_after=2026-12-24T10:00:00", "due_after", "Invalid RFC3339 encoded date", id="due-after-datetime"),
        pytest.param("due_after=2026-13-01", "due_after", "Invalid RFC3339 encoded date", id="due-after-month-13"),
        pytest.param("limit=0", "limit", "Expected `int` >= 1", id="limit-0"),
        pytest.param(f"limit={MAX_PAGE + 1}", "limit", f"Expected `int` <= {MAX_PAGE}", id="limit-101"),
        pytest.param("limit=-1", "limit", "Expected `int` >= 1", id="limit-negative"),
        pytest.param("limit=all", "limit", "Expected `int`, got `str`", id="limit-all"),
        pytest.param("limit=1.5", "limit", "Expected `int`, got `str`", id="limit-fraction"),
        pytest.param("offset=-1", "offset", "Expected `int` >= 0", id="offset-negative"),
        pytest.param("offset=next", "offset", "Expected `int`, got `str`", id="offset-word"),
        pytest.param("sort=title", "sort", "Invalid enum value 'title'", id="sort-title"),
        pytest.param("sort=--created", "sort", "Invalid enum value '--created'", id="sort-double-minus"),
        pytest.param("sort=Created", "sort", "Invalid enum value 'Created'", id="sort-wrong-case"),
        pytest.param("sort=created%0A", "sort", "Invalid enum value 'created\\n'", id="sort-trailing-newline"),
        pytest.param("q=" + "x" * 201, "q", "Expected `str` of length <= 200", id="q-201-chars"),
    ],
)  # fmt: skip
def test_a_bad_query_parameter_is_400(
    client: Client, ada: Headers, query: str, key: str, message: str
) -> None:
    response = client.get(f"/tasks?{query}", headers=ada)

    assert response.status_code == 400
    assert response.json() == error(
        400,
        f"Validation failed for GET /tasks?{query}",
        [{"message": message, "key": key, "source": "query"}],
    )


# --- task ids in the path --------------------------------------------------------------------


@pytest.mark.usefixtures("unchanged")
@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
@pytest.mark.parametrize(
    ("task_id", "detail"),
    [
        pytest.param("9999", "There is no task 9999", id="unknown"),
        pytest.param("0", "There is no task 0", id="zero"),
        pytest.param("-1", "There is no task -1", id="negative"),
        pytest.param("9223372036854775807", "There is no task 9223372036854775807", id="largest-bigint"),
        pytest.param("9223372036854775808", "There is no task 9223372036854775808", id="over-bigint"),
        pytest.param("99999999999999999999", "There is no task 99999999999999999999", id="huge"),
        # Not an int: the router finds no route (lesson 02), so Litestar's own 404.
        pytest.param("abc", "Not Found", id="word"),
        pytest.param("1.5", "Not Found", id="fraction"),
        pytest.param("1a", "Not Found", id="digits-then-letters"),
    ],
)  # fmt: skip
def test_an_id_that_names_no_task_is_404(
    client: Client, ada: Headers, method: str, task_id: str, detail: str
) -> None:
    sent = {"title": "Changed"} if method == "PATCH" else None

    response = client.request(method, f"/tasks/{task_id}", headers=ada, json=sent)

    assert response.status_code == 404
    assert response.json() == error(404, detail)


# --- If-Match --------------------------------------------------------------------------------


@pytest.mark.usefixtures("unchanged")
@pytest.mark.parametrize("method", ["PATCH", "DELETE"])
@pytest.mark.parametrize(
    "if_match",
    [
        pytest.param("2", id="unquoted-current-version"),
        pytest.param('W/"2"', id="weak-etag-of-current-version"),
        pytest.param('"abc"', id="not-a-number"),
        pytest.param('""', id="empty-etag"),
        pytest.param('"2", "3"', id="list-of-etags"),
        pytest.param('"-2"', id="negative"),
        pytest.param('"9999999999"', id="over-nine-digits"),
    ],
)
def test_a_malformed_if_match_is_400_even_for_the_current_version(
    client: Client, ada: Headers, task: dict[str, Any], method: str, if_match: str
) -> None:
    sent = {"title": "Changed"} if method == "PATCH" else None
    headers = {**ada, "If-Match": if_match}

    response = client.request(method, f"/tasks/{task['id']}", headers=headers, json=sent)

    assert response.status_code == 400
    assert response.json() == error(400, f'If-Match must be an ETag such as "3", not {if_match!r}')


# --- accounts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sent", "key", "message"),
    [
        pytest.param({"username": "ab", "password": "correct horse"}, "username", "Expected `str` of length >= 3", id="username-2-chars"),
        pytest.param({"username": "a" * 51, "password": "correct horse"}, "username", "Expected `str` of length <= 50", id="username-51-chars"),
        pytest.param({"username": "ada lovelace", "password": "correct horse"}, "username", f"Expected `str` matching regex {USERNAME_PATTERN!r}", id="username-space"),
        pytest.param({"username": "ada!", "password": "correct horse"}, "username", f"Expected `str` matching regex {USERNAME_PATTERN!r}", id="username-punctuation"),
        pytest.param({"username": "zoë", "password": "correct horse"}, "username", f"Expected `str` matching regex {USERNAME_PATTERN!r}", id="username-non-ascii"),
        pytest.param({"username": "ada\n", "password": "correct horse"}, "username", f"Expected `str` matching regex {USERNAME_PATTERN!r}", id="username-trailing-newline"),
        pytest.param({"username": 42, "password": "correct horse"}, "username", "Expected `str`, got `int`", id="username-int"),
        pytest.param({"username": "zed", "password": "short"}, "password", "Expected `str` of length >= 8", id="password-5-chars"),
        pytest.param({"username": "zed", "password": "x" * 129}, "password", "Expected `str` of length <= 128", id="password-129-chars"),
        pytest.param({"username": "zed"}, "data", "Object missing required field `password`", id="no-password"),
        pytest.param({"username": "zed", "password": "correct horse", "is_admin": True}, "data", "Object contains unknown field `is_admin`", id="unknown-field"),
    ],
)  # fmt: skip
def test_a_bad_registration_is_400_and_creates_nobody(
    client: Client,
    database: Callable[[], Rows],
    sent: dict[str, Any],
    key: str,
    message: str,
) -> None:
    before = database()

    response = client.post("/auth/register", json=sent)

    assert response.status_code == 400
    assert response.json() == error(
        400, "Validation failed for POST /auth/register", [body(key, message)]
    )
    assert database() == before


def test_a_taken_username_is_409_and_the_first_account_keeps_its_password(
    client: Client, ada: Headers, database: Callable[[], Rows]
) -> None:
    before = database()

    again = client.post("/auth/register", json={"username": "ada", "password": "another one"})

    assert again.status_code == 409
    assert again.json() == error(409, "The username 'ada' is taken")
    assert database() == before
    old = client.post("/auth/login", json={"username": "ada", "password": "correct horse"})
    new = client.post("/auth/login", json={"username": "ada", "password": "another one"})
    assert (old.status_code, new.status_code) == (200, 401)


@pytest.mark.usefixtures("ada")
@pytest.mark.parametrize(
    "sent",
    [
        pytest.param({"username": "ada", "password": "wrong horse"}, id="wrong-password"),
        pytest.param({"username": "eve", "password": "correct horse"}, id="unknown-user"),
        pytest.param({"username": "ADA", "password": "correct horse"}, id="username-wrong-case"),
    ],
)
def test_a_failed_login_never_says_which_part_was_wrong(
    client: Client, sent: dict[str, str]
) -> None:
    response = client.post("/auth/login", json=sent)

    assert response.status_code == 401
    assert response.json() == error(401, "Wrong username or password")
    assert "access_token" not in response.text


def test_a_malformed_login_is_400_not_401(client: Client) -> None:
    response = client.post("/auth/login", json={"username": "ada"})

    assert response.status_code == 400
    assert response.json() == error(
        400,
        "Validation failed for POST /auth/login",
        [body("data", "Object missing required field `password`")],
    )


# --- the Authorization header ---------------------------------------------------------------


BAD_AUTHORIZATION: list[Any] = [
    pytest.param(lambda token: {}, "No JWT token found in request header", id="missing"),
    pytest.param(lambda token: {"Authorization": ""}, "No JWT token found in request header", id="empty"),
    pytest.param(lambda token: {"Authorization": "Bearer"}, "Invalid token", id="bearer-without-token"),
    pytest.param(lambda token: {"Authorization": "Bearer not.a.jwt"}, "Invalid token", id="not-a-jwt"),
    pytest.param(lambda token: {"Authorization": token}, "Invalid token", id="token-without-scheme"),
    pytest.param(lambda token: {"Authorization": "Basic YWRhOmNvcnJlY3QgaG9yc2U="}, "Invalid token", id="basic-auth"),
    pytest.param(lambda token: {"Authorization": f"Bearer {token}x"}, "Invalid token", id="token-with-extra-char"),
    pytest.param(lambda token: {"Authorization": f"Bearer {signed({'sub': '1'}, 'not-our-secret' * 3)}"}, "Invalid token", id="forged-signature"),
    pytest.param(lambda token: {"Authorization": f"Bearer {signed({'sub': '1'}, None)}"}, "Invalid token", id="alg-none"),
    pytest.param(lambda token: {"Authorization": f"Bearer {signed({'sub': '1', 'exp': 1})}"}, "Invalid token", id="expired"),
    # A well-signed token of an account that does not exist: tests/capstone/test_performance.py.
    pytest.param(lambda token: {"Authorization": f"Bearer {signed({'sub': 'ada'})}"}, "Unauthorized", id="subject-not-an-id"),
    pytest.param(lambda token: {"Authorization": f"Bearer {signed({'sub': '9' * 20})}"}, "Unauthorized", id="subject-over-bigint"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("method", "path"), [("GET", "/me"), ("GET", "/tasks"), ("POST", "/tasks"), ("DELETE", "/tasks/{id}")]
)  # fmt: skip
@pytest.mark.parametrize(("headers", "detail"), BAD_AUTHORIZATION)
def test_a_request_without_a_valid_bearer_token_is_401(  # noqa: PLR0917 - pytest fixtures
    client: Client,
    ada: Headers,
    task: dict[str, Any],
    database: Callable[[], Rows],
    method: str,
    path: str,
    headers: Callable[[str], Headers],
    detail: str,
) -> None:
    token = ada["Authorization"].removeprefix("Bearer ")
    sent = {"title": "Sneaky"} if method == "POST" else None
    before = database()

    response = client.request(method, path.format(id=task["id"]), headers=headers(token), json=sent)

    assert response.status_code == 401
    assert response.json() == error(401, detail)
    assert database() == before


def test_a_token_in_the_query_counts_only_on_the_event_streams(
    client: Client, ada: Headers
) -> None:
    # ?token= exists for WebSocket and EventSource clients; elsewhere URLs end up in logs.
    token = ada["Authorization"].removeprefix("Bearer ")

    response = client.get("/tasks", params={"token": token})

    assert response.status_code == 401
    assert response.json() == error(401, "No JWT token found in request header")


def test_litestar_takes_the_token_after_any_scheme(client: Client, ada: Headers) -> None:
    # Litestar 2.25's JWT middleware keeps what follows the first space and never checks
    # the word before it: "Token <jwt>" works like "Bearer <jwt>". Pinned, not endorsed.
    token = ada["Authorization"].removeprefix("Bearer ")

    response = client.get("/me", headers={"Authorization": f"Token {token}"})

    assert response.status_code == 200
    assert response.json()["username"] == "ada"


@pytest.mark.parametrize(
    ("path", "signed_in", "status"),
    [
        pytest.param("/tasks/999", True, 404, id="raised-by-the-domain"),
        pytest.param("/tasks?limit=0", True, 400, id="raised-by-validation"),
        pytest.param("/tasks", False, 401, id="raised-by-the-auth-middleware"),
        pytest.param("/nowhere", False, 404, id="raised-by-routing"),
    ],
)
def test_every_error_is_rfc_9457_problem_details(
    client: Client, ada: Headers, path: str, signed_in: bool, status: int
) -> None:
    response = client.get(path, headers=ada if signed_in else {})

    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert {"status", "title", "detail"} <= set(response.json())
    assert response.json()["title"] == HTTPStatus(status).phrase
