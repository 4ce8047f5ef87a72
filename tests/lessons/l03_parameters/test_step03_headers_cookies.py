"""Step 03: headers and cookies with explicit names, validated like query parameters."""

from typing import Annotated

import pytest
from litestar import Litestar, get
from litestar.params import FromHeader, HeaderParameter
from litestar.testing import TestClient

from lessons.l03_parameters.step03_headers_cookies import app
from tests.transcripts import MakeTranscript


def test_defaults_then_values_from_headers_and_cookies(transcript: MakeTranscript) -> None:
    record = transcript("l03_parameters/headers-cookies")
    with TestClient(app) as client:
        defaults = record(client.get("/preferences"))
        client.cookies.set("theme", "dark")
        given = record(
            client.get("/preferences", headers={"X-API-Version": "2", "X-Request-ID": "abc-123"})
        )

    assert defaults.json() == {
        "api_version": 1,
        "request_id": None,
        "theme": "light",
        "currency": "EUR",
    }
    assert given.json() == {
        "api_version": 2,
        "request_id": "abc-123",
        "theme": "dark",
        "currency": "EUR",
    }


def test_header_names_are_case_insensitive() -> None:
    with TestClient(app) as client:
        response = client.get("/preferences", headers={"x-api-version": "2"})

    assert response.json()["api_version"] == 2


@pytest.mark.parametrize(
    ("headers", "cookies", "key", "source", "message"),
    [
        ({"X-API-Version": "3"}, {}, "api_version", "header", "Expected `int` <= 2"),
        ({"X-API-Version": "two"}, {}, "api_version", "header", "Expected `int`, got `str`"),
        ({}, {"theme": "purple"}, "theme", "cookie", "Invalid enum value 'purple'"),
        ({}, {"preferred-currency": "EURO"}, "currency", "cookie", "Expected `str` of length <= 3"),
    ],
)
def test_each_rejected_header_or_cookie_is_400(
    headers: dict[str, str], cookies: dict[str, str], key: str, source: str, message: str
) -> None:
    with TestClient(app) as client:
        for name, value in cookies.items():
            client.cookies.set(name, value)
        response = client.get("/preferences", headers=headers)

    assert response.status_code == 400
    assert response.json()["extra"] == [{"message": message, "key": key, "source": source}]


def test_rejections_transcript(transcript: MakeTranscript) -> None:
    record = transcript("l03_parameters/headers-rejected")
    with TestClient(app) as client:
        record(client.get("/preferences", headers={"X-API-Version": "3"}))


# --8<-- [start:pitfall]
def test_from_header_without_a_name_looks_for_the_python_spelling() -> None:
    # --8<-- [start:pitfall-short]
    @get("/")
    async def handler(x_request_id: FromHeader[str | None] = None) -> dict[str, str | None]:
        return {"request_id": x_request_id}

    with TestClient(Litestar([handler])) as client:
        dashed = client.get("/", headers={"X-Request-ID": "abc"})
        # --8<-- [end:pitfall-short]
        underscored = client.get("/", headers={"x_request_id": "abc"})

    # The header clients really send is ignored; only the underscore spelling,
    # which proxies such as nginx drop by default, reaches the handler.
    assert dashed.json() == {"request_id": None}
    assert underscored.json() == {"request_id": "abc"}


def test_naming_the_header_fixes_it() -> None:
    @get("/")
    async def handler(
        request_id: Annotated[str | None, HeaderParameter(name="X-Request-ID")] = None,
    ) -> dict[str, str | None]:
        return {"request_id": request_id}

    with TestClient(Litestar([handler])) as client:
        response = client.get("/", headers={"X-Request-ID": "abc"})

    assert response.json() == {"request_id": "abc"}


# --8<-- [end:pitfall]
