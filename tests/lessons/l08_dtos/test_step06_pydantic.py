"""Step 06: PydanticDTO; pydantic's own rules run in create_instance, inside the handler."""

import importlib

import pytest
from litestar import Litestar, post
from litestar.dto import DTOData
from litestar.exceptions import LitestarDeprecationWarning
from litestar.params import JSONBody
from litestar.testing import TestClient

from lessons.l08_dtos.step06_pydantic import USERS, User, UserCreateDTO, UserReadDTO, app
from tests.transcripts import MakeTranscript

BOB = {"username": "bob", "email": "bob@example.com", "display_name": "Bob"}


def test_create_read_and_reject(transcript: MakeTranscript) -> None:
    record = transcript("l08_dtos/pydantic")
    with TestClient(app) as client:
        created = record(client.post("/users", json={**BOB, "id": 7, "password_hash": "x"}))
        fetched = client.get("/users/1")
        too_short = record(client.post("/users", json={**BOB, "username": "bo"}))
        missing = client.get("/users/99")

    assert created.status_code == 201
    assert created.json() == {"id": 1, **BOB}
    assert fetched.json() == created.json()
    assert USERS[1].password_hash.startswith("scrypt$")
    assert too_short.status_code == 400
    assert too_short.json()["extra"] == [
        {
            "type": "string_too_short",
            "loc": ["username"],
            "msg": "String should have at least 3 characters",
        }
    ]
    assert missing.status_code == 404
    assert list(USERS) == [1]


def test_wrong_types_are_caught_before_the_handler() -> None:
    with TestClient(app) as client:
        response = client.post("/users", json={**BOB, "username": 3})

    assert response.status_code == 400
    assert response.json()["detail"] == "Expected `str`, got `int` - at `$.username`"


# --8<-- [start:pitfall]
def test_an_uncaught_validation_error_from_create_instance_is_a_500() -> None:
    @post("/users", dto=UserCreateDTO, return_dto=UserReadDTO)
    async def create_user(data: JSONBody[DTOData[User]]) -> User:
        return data.create_instance(id=1, password_hash="x")

    with TestClient(Litestar([create_user], logging_config=None)) as client:
        response = client.post("/users", json={**BOB, "username": "bo"})

    # The DTO checks types only; min_length is pydantic's, checked in the handler.
    assert response.status_code == 500


# --8<-- [end:pitfall]


def test_the_contrib_import_path_is_deprecated() -> None:
    contrib = importlib.import_module("litestar.contrib.pydantic")
    with pytest.warns(LitestarDeprecationWarning, match="import it from 'litestar.plugins"):
        contrib.PydanticDTO  # noqa: B018 - the attribute access is what warns
