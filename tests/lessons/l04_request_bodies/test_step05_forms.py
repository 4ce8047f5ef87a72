"""Step 05: URL-encoded forms and multipart uploads, validated like JSON bodies."""

import pytest
from litestar.testing import TestClient

from lessons.l04_request_bodies.step05_forms import app
from tests.transcripts import MakeTranscript, render_exchange

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 24


def test_a_form_post_is_decoded_into_the_model(transcript: MakeTranscript) -> None:
    record = transcript("l04_request_bodies/form")
    with TestClient(app) as client:
        accepted = record(client.post("/reviews", data={"reviewer": "Ann", "stars": "4"}))
        rejected = record(client.post("/reviews", data={"reviewer": "Ann", "stars": "9"}))

    assert accepted.status_code == 201
    assert accepted.json() == {"reviewer": "Ann", "stars": 4}  # "4" became an int
    assert rejected.status_code == 400
    assert rejected.json()["extra"] == [
        {"message": "Expected `int` <= 5", "key": "stars", "source": "body"}
    ]


@pytest.mark.parametrize(
    ("request_kwargs", "message"),
    [
        ({"data": {"reviewer": "Ann"}}, "Object missing required field `stars`"),
        ({"data": {"reviewer": "Ann", "stars": "four"}}, "Expected `int`, got `str`"),
        ({"data": {"reviewer": "", "stars": "4"}}, "Expected `str` of length >= 1"),
        (
            {"data": {"reviewer": "Ann", "stars": "4", "x": "1"}},
            "Object contains unknown field `x`",
        ),
        ({"content": b""}, "Object missing required field `reviewer`"),
    ],
)
def test_each_bad_form_is_a_400(request_kwargs: dict[str, object], message: str) -> None:
    with TestClient(app) as client:
        response = client.post("/reviews", **request_kwargs)  # type: ignore[arg-type]

    assert response.status_code == 400
    assert response.json()["extra"][0]["message"] == message


def test_json_sent_to_a_form_endpoint_is_a_400() -> None:
    with TestClient(app) as client:
        response = client.post("/reviews", json={"reviewer": "Ann", "stars": 4})

    # The JSON text is read as one form key, so the model sees an unknown field.
    assert response.status_code == 400
    assert response.json()["extra"][0]["message"].startswith("Object contains unknown field")


def test_a_file_upload(transcript: MakeTranscript) -> None:
    record = transcript("l04_request_bodies/upload")
    with TestClient(app) as client:
        response = client.post(
            "/covers", data={"book_id": "1"}, files={"image": ("dune.png", PNG, "image/png")}
        )
    # A multipart body has a random boundary and binary bytes, so show the request as the
    # curl -F command that sends the same form, followed by the real response.
    _, answer = render_exchange(response).split("\nHTTP/1.1 ", 1)
    record.add_text(
        "$ curl -i http://127.0.0.1:8000/covers -F book_id=1 -F 'image=@dune.png;type=image/png'\n"
        "HTTP/1.1 " + answer
    )

    assert response.status_code == 201
    assert response.json() == {
        "book_id": 1,
        "filename": "dune.png",
        "content_type": "image/png",
        "size": 32,
    }


@pytest.mark.parametrize(
    ("request_kwargs", "detail"),
    [
        # Without a file, httpx sends a URL-encoded form, not multipart.
        ({"data": {"book_id": "1"}}, "Invalid multipart/form-data"),
        ({"json": {"book_id": 1}}, "Invalid multipart/form-data"),
        (
            {"data": {"book_id": "one"}, "files": {"image": ("dune.png", PNG, "image/png")}},
            "Validation failed for POST /covers",
        ),
        (
            {"files": {"image": ("dune.png", PNG, "image/png")}},
            "Validation failed for POST /covers",
        ),
    ],
    ids=["no file", "json", "bad book_id", "no book_id"],
)
def test_each_bad_upload_is_a_400(request_kwargs: dict[str, object], detail: str) -> None:
    with TestClient(app) as client:
        response = client.post("/covers", **request_kwargs)  # type: ignore[arg-type]

    assert response.status_code == 400
    assert response.json()["detail"] == detail


def test_the_openapi_schema_names_the_media_types() -> None:
    with TestClient(app) as client:
        paths = client.get("/schema/openapi.json").json()["paths"]

    assert set(paths["/reviews"]["post"]["requestBody"]["content"]) == {
        "application/x-www-form-urlencoded"
    }
    assert set(paths["/covers"]["post"]["requestBody"]["content"]) == {"multipart/form-data"}
