"""Step 03: PATCH changes only the fields sent; the schema shows what the DTOs allow."""

import pytest
from litestar import Litestar, patch
from litestar.dto import DataclassDTO, DTOConfig, DTOData
from litestar.params import FromPath, JSONBody
from litestar.testing import TestClient

from lessons.l08_dtos.step03_partial_update import app
from lessons.l08_dtos.users import USERS, User
from tests.transcripts import MakeTranscript

ALICE = {"id": 1, "username": "alice", "email": "alice@example.com", "display_name": "Alice"}


def test_patch_changes_only_what_is_sent(transcript: MakeTranscript) -> None:
    record = transcript("l08_dtos/patch")
    hash_before = USERS[1].password_hash
    with TestClient(app) as client:
        response = record(client.patch("/users/1", json={"display_name": "Alice L."}))

    assert response.json() == {**ALICE, "display_name": "Alice L."}
    assert USERS[1].email == "alice@example.com"
    assert USERS[1].password_hash == hash_before


@pytest.mark.parametrize(
    "body", [{}, {"id": 7, "password_hash": "letmein"}, {"displayname": "typo"}]
)
def test_fields_a_client_may_not_set_are_ignored(body: dict[str, object]) -> None:
    hash_before = USERS[1].password_hash
    with TestClient(app) as client:
        response = client.patch("/users/1", json=body)

    assert response.status_code == 200
    assert response.json() == ALICE
    assert USERS[1].password_hash == hash_before
    assert list(USERS) == [1]


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"username": None}, "Expected `str`, got `null` - at `$.username`"),
        ({"email": ["a@example.com"]}, "Expected `str`, got `array` - at `$.email`"),
        ("alice", "Expected `object`, got `str`"),
    ],
)
def test_bad_values_are_400_and_change_nothing(body: object, detail: str) -> None:
    with TestClient(app) as client:
        response = client.patch("/users/1", json=body)

    assert response.status_code == 400
    assert response.json()["detail"] == detail
    assert USERS[1].username == "alice"


def test_rejections_and_missing_user(transcript: MakeTranscript) -> None:
    record = transcript("l08_dtos/patch-rejected")
    with TestClient(app) as client:
        null = record(client.patch("/users/1", json={"username": None}))
        missing = record(client.patch("/users/99", json={"display_name": "Nobody"}))

    assert null.status_code == 400
    assert missing.status_code == 404


def test_forbid_unknown_fields_turns_a_typo_into_a_400() -> None:
    class StrictUpdateDTO(DataclassDTO[User]):
        config = DTOConfig(
            exclude={"id", "password_hash"}, partial=True, forbid_unknown_fields=True
        )

    @patch("/users/{user_id:int}", dto=StrictUpdateDTO, return_dto=None)
    async def strict_update(user_id: FromPath[int], data: JSONBody[DTOData[User]]) -> None:
        data.update_instance(USERS[user_id])

    with TestClient(Litestar([strict_update])) as client:
        typo = client.patch("/users/1", json={"displayname": "typo"})
        server_field = client.patch("/users/1", json={"password_hash": "letmein"})

    assert typo.status_code == 400
    assert typo.json()["detail"] == "Object contains unknown field `displayname`"
    # Excluded fields are unknown to the DTO too, so sending them is an error now.
    assert server_field.json()["detail"] == "Object contains unknown field `password_hash`"
