"""Step 04: an allow-list of fields, camelCase on the wire in both directions."""

import pytest
from litestar import Litestar, get
from litestar.dto import DataclassDTO, DTOConfig
from litestar.dto.types import RenameStrategy
from litestar.testing import TestClient

from lessons.l08_dtos.step04_include_rename import app
from lessons.l08_dtos.users import USERS, User
from tests.transcripts import MakeTranscript

SIGNUP = {"handle": "bob", "email": "bob@example.com", "displayName": "Bob"}


def test_profiles_show_only_the_included_fields_renamed(transcript: MakeTranscript) -> None:
    record = transcript("l08_dtos/rename")
    with TestClient(app) as client:
        profile = record(client.get("/profiles/1"))
        created = record(client.post("/profiles", json=SIGNUP))

    assert profile.json() == {"id": 1, "handle": "alice", "displayName": "Alice"}
    assert created.status_code == 201
    assert created.json() == {"id": 2, "handle": "bob", "displayName": "Bob"}
    # Inside Python the names are the model's own.
    assert (USERS[2].username, USERS[2].display_name) == ("bob", "Bob")


def test_python_spellings_are_not_accepted_on_the_wire(transcript: MakeTranscript) -> None:
    record = transcript("l08_dtos/rename-rejected")
    with TestClient(app) as client:
        snake = record(
            client.post(
                "/profiles",
                json={"username": "bob", "email": "bob@example.com", "display_name": "Bob"},
            )
        )
        missing = client.get("/profiles/99")

    assert snake.status_code == 400
    # The error names the field as the client must spell it.
    assert snake.json()["detail"] == "Object missing required field `handle`"
    assert missing.status_code == 404
    assert list(USERS) == [1]


def test_the_schema_uses_the_wire_names() -> None:
    with TestClient(app) as client:
        schemas = client.get("/schema/openapi.json").json()["components"]["schemas"]

    properties = {name: set(schema["properties"]) for name, schema in schemas.items()}
    request = next(value for name, value in properties.items() if name.endswith("RequestBody"))
    responses = [value for name, value in properties.items() if name.endswith("ResponseBody")]
    assert request == {"handle", "email", "displayName"}
    assert responses == [{"id", "handle", "displayName"}] * 2


# Litestar caches each handler's DTO backend under "module.qualname::sum of its layers' id()":
# every case below defines the same `show`, and once an earlier case's app is collected its
# ids can come back, and with them its backend (a camelCase answer for "upper"). Keeping the
# apps alive keeps the ids apart.
_APPS: list[Litestar] = []


@pytest.mark.parametrize(
    ("strategy", "wire_name"),
    [
        ("camel", "displayName"),
        ("pascal", "DisplayName"),
        ("kebab", "display-name"),
        ("upper", "DISPLAY_NAME"),
        ("lower", "display_name"),
    ],
)
def test_each_rename_strategy_spells_the_field(strategy: RenameStrategy, wire_name: str) -> None:
    class ReadDTO(DataclassDTO[User]):
        config = DTOConfig(include={"display_name"}, rename_strategy=strategy)

    @get(f"/{strategy}", return_dto=ReadDTO)
    async def show() -> User:
        return USERS[1]

    _APPS.append(Litestar([show]))
    with TestClient(_APPS[-1]) as client:
        assert client.get(f"/{strategy}").json() == {wire_name: "Alice"}
