"""Step 07: MsgspecDTO; msgspec constraints are checked with the body, before the handler."""

from litestar.testing import TestClient

from lessons.l08_dtos.step07_msgspec import USERS, app
from tests.transcripts import MakeTranscript

BOB = {"username": "bob", "email": "bob@example.com", "display_name": "Bob"}


def test_create_read_and_reject(transcript: MakeTranscript) -> None:
    record = transcript("l08_dtos/msgspec")
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
    assert too_short.json()["detail"] == "Expected `str` of length >= 3 - at `$.username`"
    assert missing.status_code == 404
    assert list(USERS) == [1]


def test_wrong_types_and_missing_fields_are_400() -> None:
    with TestClient(app) as client:
        wrong = client.post("/users", json={**BOB, "email": None})
        missing = client.post("/users", json={"username": "bob"})

    assert wrong.json()["detail"] == "Expected `str`, got `null` - at `$.email`"
    assert missing.json()["detail"] == "Object missing required field `email`"
    assert USERS == {}
