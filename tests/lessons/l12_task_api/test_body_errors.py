"""Hostile bodies are 400s that store nothing; the same errors from a server bug stay 500s."""

from types import ModuleType
from typing import Any

import pytest
from litestar import Litestar, Request, Response, post
from litestar.exceptions import ClientException
from litestar.exceptions.responses import create_exception_response
from litestar.params import JSONBody
from litestar.testing import TestClient

from lessons.l12_task_api import step01_create_and_read, step02_filters, step03_patch_delete
from lessons.l12_task_api.body_errors import TaskRequest
from lessons.l12_task_api.step01_create_and_read import create_task
from lessons.l12_task_api.store import STORE

JSON = {"content-type": "application/json"}
INVALID_UTF8 = b'{"title": "\xff"}'
NESTED_5000_DEEP = b'{"title": ' + b"[" * 5000 + b"]" * 5000 + b"}"
HOSTILE = [
    pytest.param(INVALID_UTF8, "The body is not valid UTF-8", id="invalid-utf8"),
    pytest.param(NESTED_5000_DEEP, "The JSON is nested too deeply", id="nested-5000-deep"),
]
SERVER_ERROR = {"status_code": 500, "detail": "Internal Server Error"}


@pytest.mark.parametrize("step", [step01_create_and_read, step02_filters, step03_patch_delete])
@pytest.mark.parametrize(("body", "detail"), HOSTILE)
def test_a_hostile_body_is_400_and_stores_nothing(
    step: ModuleType, body: bytes, detail: str
) -> None:
    with TestClient(step.app) as client:
        response = client.post("/tasks", content=body, headers=JSON)

    assert response.status_code == 400
    assert response.json() == {"status_code": 400, "detail": detail}
    assert STORE.tasks == {}


def test_a_hostile_patch_body_is_400_too() -> None:
    with TestClient(step03_patch_delete.app) as client:
        assert client.post("/tasks", json={"title": "Keep me"}).status_code == 201
        response = client.patch("/tasks/1", content=NESTED_5000_DEEP, headers=JSON)

    assert response.status_code == 400
    assert STORE.get(1).title == "Keep me"


# --8<-- [start:server-bugs]
def endless(depth: int) -> int:
    return endless(depth + 1)


@post("/import")
async def import_titles(data: JSONBody[dict[str, str]]) -> dict[str, str]:
    # The body was read and decoded fine; what follows are bugs of the server's own.
    if data["bug"] == "decoding":
        return {"text": b"\xff".decode()}  # say, a file decoded with the wrong codec
    return {"depth": str(endless(0))}


@pytest.mark.parametrize("bug", ["decoding", "recursion"])
def test_the_same_errors_from_a_server_bug_stay_500s(bug: str) -> None:
    app = Litestar([import_titles], request_class=TaskRequest)
    with TestClient(app) as client:
        response = client.post("/import", json={"bug": bug})

    # Litestar's own 500: not the client's fault, and nothing about the bug leaks out.
    assert response.status_code == 500
    assert response.json() == SERVER_ERROR


# --8<-- [end:server-bugs]


# --8<-- [start:pitfall]
@pytest.mark.parametrize(("body", "detail"), HOSTILE)
def test_without_the_request_class_these_bodies_are_500s(body: bytes, detail: str) -> None:
    with TestClient(Litestar([create_task])) as client:
        response = client.post("/tasks", content=body, headers=JSON)

    assert response.status_code == 500
    assert response.json() == SERVER_ERROR


# --8<-- [end:pitfall]


def test_an_app_wide_handler_would_blame_the_client_for_a_server_bug() -> None:
    # The tempting fix, exception_handlers={UnicodeDecodeError: ...}, catches the error
    # wherever it is raised: the server's own decoding bug becomes the client's 400.
    def blame_the_client(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
        return create_exception_response(request, ClientException("The body is not valid UTF-8"))

    app = Litestar([import_titles], exception_handlers={UnicodeDecodeError: blame_the_client})
    with TestClient(app) as client:
        response = client.post("/import", json={"bug": "decoding"})

    assert response.status_code == 400
    assert response.json() == {"status_code": 400, "detail": "The body is not valid UTF-8"}
