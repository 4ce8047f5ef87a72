"""Step 01: a required, an optional and a defaulted query parameter."""

import pytest
from litestar import Litestar, get
from litestar.exceptions import LitestarDeprecationWarning
from litestar.testing import TestClient

from lessons.l03_parameters.step01_query import app
from tests.transcripts import MakeTranscript


def names(response_json: list[dict[str, object]]) -> list[object]:
    return [product["name"] for product in response_json]


def test_search_filters_and_limits(transcript: MakeTranscript) -> None:
    record = transcript("l03_parameters/query")
    with TestClient(app) as client:
        everything = record(client.get("/search", params={"q": "g"}))
        in_stock = record(client.get("/search", params={"q": "g", "in_stock": "true"}))
        limited = client.get("/search", params={"q": "g", "limit": 1})

    assert names(everything.json()) == ["Widget", "Gadget", "Gizmo"]
    assert names(in_stock.json()) == ["Widget", "Gizmo"]
    assert names(limited.json()) == ["Widget"]


def test_a_missing_required_parameter_is_400(transcript: MakeTranscript) -> None:
    record = transcript("l03_parameters/query-missing")
    with TestClient(app) as client:
        response = record(client.get("/search"))

    assert response.status_code == 400
    assert response.json() == {
        "status_code": 400,
        "detail": "Missing required query parameter 'q' for path /search",
    }


def test_values_of_the_wrong_type_are_400_and_name_the_parameter(
    transcript: MakeTranscript,
) -> None:
    record = transcript("l03_parameters/query-wrong-type")
    with TestClient(app) as client:
        bad_bool = record(client.get("/search", params={"q": "g", "in_stock": "maybe"}))
        bad_int = client.get("/search", params={"q": "g", "limit": "ten"})

    assert bad_bool.status_code == 400
    assert bad_bool.json()["extra"] == [
        {"message": "Expected `bool | null`, got `str`", "key": "in_stock", "source": "query"}
    ]
    assert bad_int.json()["extra"] == [
        {"message": "Expected `int`, got `str`", "key": "limit", "source": "query"}
    ]


def test_booleans_accept_the_usual_spellings() -> None:
    with TestClient(app) as client:
        answers = {
            spelling: names(
                client.get("/search", params={"q": "gadget", "in_stock": spelling}).json()
            )
            for spelling in ["true", "1", "false", "0"]
        }

    assert answers == {"true": [], "1": [], "false": ["Gadget"], "0": ["Gadget"]}


def test_a_parameter_without_a_marker_is_still_inferred_but_warns() -> None:
    @get("/search")
    async def search(q: str) -> str:  # no FromQuery: Litestar guesses "query"
        return q

    with pytest.warns(LitestarDeprecationWarning, match="query parameter 'q' .* inferred style"):
        app = Litestar([search])
    with TestClient(app) as client:
        assert client.get("/search", params={"q": "g"}).text == "g"
