"""Step 01: providers by key, NamedDependency, and a provider that validates query parameters."""

import pytest
from litestar import Litestar, get
from litestar.di import NamedDependency, Provide
from litestar.exceptions import ImproperlyConfiguredException, LitestarDeprecationWarning
from litestar.testing import TestClient

from lessons.l06_dependency_injection.step01_provide import app
from tests.transcripts import MakeTranscript


def ids(response_json: list[dict[str, object]]) -> list[object]:
    return [task["id"] for task in response_json]


def test_handlers_get_the_store_and_the_page(transcript: MakeTranscript) -> None:
    record = transcript("l06_dependency_injection/provide")
    with TestClient(app) as client:
        first_page = record(client.get("/tasks?limit=2"))
        second_page = record(client.get("/tasks?limit=2&offset=2"))
        one = record(client.get("/tasks/2"))
        everything = client.get("/tasks")

    assert ids(first_page.json()) == [1, 2]
    assert ids(second_page.json()) == [3]
    assert one.json() == {"id": 2, "title": "Test every claim", "done": False}
    assert ids(everything.json()) == [1, 2, 3]


def test_bad_paging_input_is_a_400_from_the_provider(transcript: MakeTranscript) -> None:
    record = transcript("l06_dependency_injection/provide-bad-input")
    with TestClient(app) as client:
        too_big = record(client.get("/tasks?limit=500"))
        not_a_number = client.get("/tasks?offset=two")
        missing = record(client.get("/tasks/99"))

    assert too_big.status_code == 400
    assert too_big.json()["extra"] == [
        {"message": "Expected `int` <= 50", "key": "limit", "source": "query"}
    ]
    assert not_a_number.status_code == 400
    assert not_a_number.json()["extra"][0]["key"] == "offset"
    assert missing.status_code == 404


def test_the_providers_query_parameters_are_documented_on_the_handler() -> None:
    with TestClient(app) as client:
        operation = client.get("/schema/openapi.json").json()["paths"]["/tasks"]["get"]

    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
    assert set(parameters) == {"limit", "offset"}
    assert parameters["limit"]["schema"]["maximum"] == 50


def test_a_handler_asking_for_a_key_nobody_provides_fails_at_startup() -> None:
    @get("/")
    async def handler(clock: NamedDependency[str]) -> str:
        return clock

    with pytest.raises(
        ImproperlyConfiguredException,
        match="Explicit dependency 'clock' for 'handler' has no default",
    ):
        Litestar(route_handlers=[handler])


def test_an_unmarked_dependency_argument_is_deprecated() -> None:
    async def provide_db() -> str:
        return "db"

    @get("/", dependencies={"db": Provide(provide_db)})
    async def handler(db: str) -> str:  # no NamedDependency[...]: Litestar infers it
        return db

    # Inference still works on 2.25, but warns when the app is built; this
    # project's pytest settings turn that warning into a failing test.
    with pytest.warns(LitestarDeprecationWarning, match="Inferred dependency field 'db'"):
        app = Litestar(route_handlers=[handler])
    with TestClient(app) as client:
        assert client.get("/").text == "db"
