"""Step 02: the write DTO takes only username, email and display_name; the server adds the rest."""

import pytest
from litestar import Litestar, get, post
from litestar.dto import DTOConfig
from litestar.params import FromPath, JSONBody
from litestar.plugins.pydantic import PydanticDTO
from litestar.testing import TestClient
from pydantic import BaseModel

from lessons.l08_dtos.step02_write_dto import app
from lessons.l08_dtos.users import USERS
from tests.transcripts import MakeTranscript

BOB = {"username": "bob", "email": "bob@example.com", "display_name": "Bob"}


def test_create_then_read_back(transcript: MakeTranscript) -> None:
    record = transcript("l08_dtos/create")
    with TestClient(app) as client:
        created = record(client.post("/users", json=BOB))

    assert created.status_code == 201
    assert created.json() == {"id": 2, **BOB}
    stored = USERS[2]
    assert (stored.username, stored.email, stored.display_name) == ("bob", BOB["email"], "Bob")
    assert stored.password_hash.startswith("scrypt$")


def test_id_and_password_hash_from_the_client_are_ignored(transcript: MakeTranscript) -> None:
    record = transcript("l08_dtos/create-ignored")
    with TestClient(app) as client:
        response = record(
            client.post("/users", json={**BOB, "id": 1, "password_hash": "letmein", "admin": True})
        )

    # The DTO reads only the fields it knows: the server picked the id and the hash.
    assert response.status_code == 201
    assert response.json()["id"] == 2
    assert USERS[1].username == "alice"  # not overwritten
    assert USERS[2].password_hash != "letmein"
    assert USERS[2].password_hash.startswith("scrypt$")


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({**BOB, "email": 42}, "Expected `str`, got `int` - at `$.email`"),
        ({"username": "bob", "email": "bob@example.com"}, "missing required field `display_name`"),
        ([BOB], "Expected `object`, got `array`"),
        (b"{not json", "JSON is malformed"),
    ],
)
def test_bad_bodies_are_400_and_store_nothing(body: object, detail: str) -> None:
    with TestClient(app) as client:
        if isinstance(body, bytes):
            response = client.post("/users", content=body)
        else:
            response = client.post("/users", json=body)

    assert response.status_code == 400
    assert detail in response.json()["detail"]
    assert list(USERS) == [1]


def test_rejections_transcript(transcript: MakeTranscript) -> None:
    record = transcript("l08_dtos/create-rejected")
    with TestClient(app) as client:
        record(client.post("/users", json={**BOB, "email": 42}))
        record(client.post("/users", json={"username": "bob", "email": "bob@example.com"}))


class PydanticUser(BaseModel):
    id: int
    username: str
    email: str
    password_hash: str


class PydanticUserReadDTO(PydanticDTO[PydanticUser]):
    config = DTOConfig(exclude={"password_hash"})


class PydanticUserCreateDTO(PydanticDTO[PydanticUser]):
    config = DTOConfig(exclude={"id", "password_hash"})


# --8<-- [start:pitfall]
@post("/users", dto=PydanticUserCreateDTO, return_dto=PydanticUserReadDTO)
async def create_from_model(data: JSONBody[PydanticUser]) -> PydanticUser:  # not DTOData
    raise AssertionError("never reached: every create is refused")


# --8<-- [end:pitfall]


def test_a_body_typed_as_the_model_rejects_every_create_and_a_keyerror_is_a_500() -> None:
    users: dict[int, PydanticUser] = {}

    @get("/users/{user_id:int}", return_dto=PydanticUserReadDTO)
    async def get_user(user_id: FromPath[int]) -> PydanticUser:
        return users[user_id]  # the other mistake: a KeyError, not a NotFoundException

    with TestClient(Litestar([create_from_model, get_user], logging_config=None)) as client:
        created = client.post("/users", json={"username": "alice", "email": "a@example.com"})
        fetched = client.get("/users/1")

    # Litestar builds a whole User from the request, and the DTO kept id and
    # password_hash out of it: pydantic says both are missing.
    assert created.status_code == 400
    assert [error["loc"] for error in created.json()["extra"]] == [["id"], ["password_hash"]]
    assert fetched.status_code == 500
