"""Hostile bodies that Litestar 2.25 would answer with a 500 are 400s, and store nothing."""

from types import ModuleType

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from lessons.l11_task_api import step01_create_and_read, step02_filters, step03_patch_delete
from lessons.l11_task_api.body_errors import too_deep
from lessons.l11_task_api.step01_create_and_read import create_task
from lessons.l11_task_api.store import STORE

JSON = {"content-type": "application/json"}
HOSTILE = [
    pytest.param(b'{"title": "\xff"}', "The body is not valid UTF-8", id="invalid-utf8"),
    pytest.param(
        b'{"title": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        "The JSON is nested too deeply",
        id="nested-5000-deep",
    ),
]


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


def test_other_recursion_errors_stay_server_errors() -> None:
    with pytest.raises(RecursionError, match=r"maximum recursion depth exceeded$"):
        too_deep(None, RecursionError("maximum recursion depth exceeded"))  # type: ignore[arg-type]


# --8<-- [start:pitfall]
@pytest.mark.parametrize(("body", "detail"), HOSTILE)
def test_without_the_handlers_these_bodies_are_500s(body: bytes, detail: str) -> None:
    with TestClient(Litestar([create_task])) as client:
        response = client.post("/tasks", content=body, headers=JSON)

    assert response.status_code == 500


# --8<-- [end:pitfall]
