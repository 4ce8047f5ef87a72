"""Step 01: the return DTO sends every field of User except password_hash."""

from litestar import Litestar, get
from litestar.params import FromPath
from litestar.testing import TestClient

from lessons.l08_dtos.step01_return_dto import app
from lessons.l08_dtos.users import USERS, User
from tests.transcripts import MakeTranscript

ALICE = {"id": 1, "username": "alice", "email": "alice@example.com", "display_name": "Alice"}


def test_responses_leave_out_password_hash(transcript: MakeTranscript) -> None:
    record = transcript("l08_dtos/read")
    with TestClient(app) as client:
        listed = record(client.get("/users"))
        one = record(client.get("/users/1"))

    assert listed.json() == [ALICE]
    assert one.json() == ALICE
    # The handler returned the full User: the hash is there, just not sent.
    assert USERS[1].password_hash.startswith("scrypt$")


def test_a_missing_user_is_404(transcript: MakeTranscript) -> None:
    record = transcript("l08_dtos/read-missing")
    with TestClient(app) as client:
        response = record(client.get("/users/99"))

    assert response.status_code == 404
    assert response.json() == {"status_code": 404, "detail": "User 99 not found"}


# --8<-- [start:pitfall]
def test_a_handler_without_return_dto_sends_the_hash() -> None:
    @get("/users/{user_id:int}")  # no return_dto: the whole dataclass is encoded
    async def leaky_get_user(user_id: FromPath[int]) -> User:
        return USERS[user_id]

    with TestClient(Litestar([leaky_get_user])) as client:
        response = client.get("/users/1")

    assert response.json()["password_hash"] == USERS[1].password_hash


# --8<-- [end:pitfall]
