"""No response and no schema of any step ever contains password_hash or a stored hash.

Every route of every step's app is called with every method it accepts, on an existing
id, a missing id and a non-number, with good bodies, bad bodies and bodies that try to
set id and password_hash. Every response body, the OpenAPI document and the stored
hashes are then compared.
"""

import importlib
import re
from typing import Any

import pytest
from litestar import Litestar
from litestar.routes import HTTPRoute
from litestar.testing import TestClient

from lessons.l08_dtos import step06_pydantic, step07_msgspec
from lessons.l08_dtos.orders import ORDERS
from lessons.l08_dtos.users import USERS
from lessons.manifest import find

LESSON = find(8)
assert LESSON is not None
STEPS = [step.module for step in LESSON.steps()]
USER = {"username": "carol", "email": "carol@example.com", "display_name": "Carol"}
BODIES: list[Any] = [
    None,
    {},
    USER,
    {"handle": "carol", "email": "carol@example.com", "displayName": "Carol"},
    {**USER, "id": 1, "password_hash": "letmein"},
    {"shipping_address": {"city": "Shelbyville"}, "note": "hi"},
    {"customer": {"password_hash": "letmein"}, "items": [{"unit_cost": 0}]},
    {**USER, "username": "c"},  # too short for steps 6 and 7
    {"username": None, "email": 5},
    [USER],
    "password_hash",
    b"{not json",
]


def stored_hashes() -> set[str]:
    stores = [USERS, step06_pydantic.USERS, step07_msgspec.USERS]
    hashes = {user.password_hash for store in stores for user in store.values()}  # type: ignore[attr-defined]
    hashes |= {order.customer.password_hash for order in ORDERS.values()}
    return hashes


def paths(route: HTTPRoute) -> list[str]:
    if not route.path_parameters:
        return [route.path]
    return [re.sub(r"\{[^}]+\}", value, route.path) for value in ["1", "99", "abc"]]


def exercise(app: Litestar) -> list[tuple[str, int, str]]:
    """Call every method of every route with every body; return (request, status, body)."""
    seen = []
    with TestClient(app) as client:
        for route in app.routes:
            assert isinstance(route, HTTPRoute)
            for path in paths(route):
                for method in sorted(route.methods):
                    for body in BODIES if method in {"POST", "PATCH"} else [None]:
                        if isinstance(body, bytes):
                            response = client.request(method, path, content=body)
                        else:
                            response = client.request(method, path, json=body)
                        seen.append((f"{method} {path}", response.status_code, response.text))
    return seen


@pytest.mark.parametrize("step", STEPS)
def test_no_response_or_schema_of_the_step_reveals_a_password_hash(step: str) -> None:
    app = importlib.import_module(f"lessons.l08_dtos.{step}").app
    seen = exercise(app)
    with TestClient(app) as client:
        documents = [client.get(f"/schema/openapi.{ext}").text for ext in ["json", "yaml"]]

    hashes = stored_hashes()
    assert hashes, "there must be stored hashes to look for"
    for request, status, text in seen:
        assert status < 500, f"{request} answered {status}: {text}"
        assert "password_hash" not in text, f"{request} revealed the field"
        assert "scrypt$" not in text, f"{request} revealed a hash"
        assert not any(value in text for value in hashes)
    for document in documents:
        assert "password_hash" not in document
        assert "scrypt" not in document
    # The scan reached the handlers: it saw successes and client errors.
    statuses = {status for _, status, _ in seen}
    assert any(200 <= status < 300 for status in statuses)
    assert any(400 <= status < 500 for status in statuses)
