"""What the OpenAPI schema shows for DTO bodies, and how their component names are chosen."""

import json
import subprocess
import sys
from dataclasses import dataclass
from typing import Any

from litestar import Litestar, post
from litestar.dto import DataclassDTO
from litestar.params import JSONBody
from litestar.testing import TestClient

from lessons.manifest import ROOT
from tests.transcripts import MakeTranscript


def components_when_served_alone(module: str) -> dict[str, Any]:
    """The schema components of one step's app, built in a fresh interpreter.

    Component names depend on which DTO bodies the process has named before (see the
    last test), so the names a learner sees come from a process that built only this app.
    """
    code = (
        "import json, sys; from litestar.testing import TestClient; "
        f"from lessons.l08_dtos.{module} import app; "
        "client = TestClient(app); "
        "sys.stdout.write(json.dumps(client.get('/schema/openapi.json').json()))"
    )
    completed = subprocess.run(  # noqa: S603 - a fixed command built here
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(completed.stdout)["components"]["schemas"]  # type: ignore[no-any-return]


def test_each_handler_gets_its_own_request_and_response_components(
    transcript: MakeTranscript,
) -> None:
    record = transcript("l08_dtos/openapi")
    created = components_when_served_alone("step02_write_dto")
    updated = components_when_served_alone("step03_partial_update")

    assert set(created) == {"CreateUserUserRequestBody", "CreateUserUserResponseBody"}
    assert set(updated) == {"UpdateUserUserRequestBody", "UpdateUserUserResponseBody"}
    request = created["CreateUserUserRequestBody"]
    assert set(request["properties"]) == {"username", "email", "display_name"}
    assert request["required"] == ["display_name", "email", "username"]
    response = created["CreateUserUserResponseBody"]
    assert set(response["properties"]) == {"id", "username", "email", "display_name"}
    assert updated["UpdateUserUserRequestBody"]["required"] == []  # partial: nothing required
    for name, schema in [
        ("CreateUserUserRequestBody", request),
        ("CreateUserUserResponseBody", response),
        ("UpdateUserUserRequestBody", updated["UpdateUserUserRequestBody"]),
    ]:
        record.add_text(f'"{name}": ' + json.dumps(schema, indent=2))


def test_component_names_are_taken_first_come_across_the_whole_process() -> None:
    @dataclass
    class Pet:
        name: str

    def make_app() -> Litestar:
        @post("/pets", dto=DataclassDTO[Pet], return_dto=None)
        async def add_pet(data: JSONBody[Pet]) -> None:
            del data

        return Litestar([add_pet])

    first, second = make_app(), make_app()
    with TestClient(first) as client_one, TestClient(second) as client_two:
        names_one = set(client_one.get("/schema/openapi.json").json()["components"]["schemas"])
        names_two = set(client_two.get("/schema/openapi.json").json()["components"]["schemas"])

    # Same handler name, same model: the second app gets a module-qualified name.
    assert names_one == {"AddPetPetRequestBody"}
    [qualified] = names_two
    assert qualified.endswith(".make_app.add_petPetRequestBody")
