"""Step 06: a dependency turns a missing, malformed or unknown token into a 4xx, never a 500."""

import pytest
from litestar.testing import TestClient

from lessons.l06_dependency_injection.step06_auth import app
from tests.transcripts import MakeTranscript


def test_a_valid_token_reaches_the_handler(transcript: MakeTranscript) -> None:
    record = transcript("l06_dependency_injection/auth")
    with TestClient(app) as client:
        me = record(client.get("/me", headers={"Authorization": "Bearer alice-secret"}))

    assert me.status_code == 200
    assert me.json() == {"name": "alice"}


@pytest.mark.parametrize(
    ("headers", "status", "detail"),
    [
        ({}, 401, "Send an Authorization header"),
        ({"Authorization": "Basic YWxpY2U6cHc="}, 400, "must look like 'Bearer <token>'"),
        ({"Authorization": "Bearer"}, 400, "must look like 'Bearer <token>'"),
        ({"Authorization": "Bearer stolen"}, 401, "Unknown token"),
    ],
)
def test_each_bad_header_is_a_4xx_that_says_why(
    headers: dict[str, str], status: int, detail: str
) -> None:
    with TestClient(app) as client:
        response = client.get("/me", headers=headers)

    assert response.status_code == status
    assert detail in response.json()["detail"]
    if status == 401:
        assert response.headers["WWW-Authenticate"] == "Bearer"


def test_rejections_transcript(transcript: MakeTranscript) -> None:
    record = transcript("l06_dependency_injection/auth-rejected")
    with TestClient(app) as client:
        missing = record(client.get("/me"), headers=["WWW-Authenticate"])
        malformed = record(client.get("/me", headers={"Authorization": "Basic YWxpY2U6cHc="}))
        unknown = record(client.get("/me", headers={"Authorization": "Bearer stolen"}))

    assert [missing.status_code, malformed.status_code, unknown.status_code] == [401, 400, 401]
