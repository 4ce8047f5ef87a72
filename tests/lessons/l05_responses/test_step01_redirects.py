"""Step 01: Redirect's default is 302; 308 for a page that moved, 303 after a POST."""

import pytest
from litestar import Litestar, get, post
from litestar.response import Redirect
from litestar.status_codes import HTTP_307_TEMPORARY_REDIRECT
from litestar.testing import TestClient

from lessons.l05_responses.step01_redirects import app
from tests.transcripts import MakeTranscript


def test_a_moved_page_is_a_permanent_redirect(transcript: MakeTranscript) -> None:
    record = transcript("l05_responses/moved")
    with TestClient(app) as client:
        response = record(client.get("/catalogue", follow_redirects=False), headers=("location",))

    assert response.status_code == 308
    assert response.headers["location"] == "/books"
    assert response.content == b""


def test_redirect_defaults_to_302_found() -> None:
    with TestClient(app) as client:
        response = client.get("/books/newest", follow_redirects=False)

    assert response.status_code == 302
    assert response.headers["location"] == "/books/3"  # Piranesi, 2020


def test_a_post_answers_303_and_the_client_fetches_the_result(transcript: MakeTranscript) -> None:
    record = transcript("l05_responses/see-other")
    with TestClient(app) as client:
        redirect = record(
            client.post("/loans", json={"book_id": 2}, follow_redirects=False),
            headers=("location",),
        )
        result = record(client.get(redirect.headers["location"]))

    assert redirect.status_code == 303
    assert result.json() == {"loan": 1, "book": 2}


def test_following_a_303_turns_the_post_into_a_get() -> None:
    with TestClient(app) as client:  # TestClient follows redirects by default, as browsers do
        response = client.post("/loans", json={"book_id": 2})

    assert [step.status_code for step in response.history] == [303]
    assert response.request.method == "GET"
    assert response.json() == {"loan": 1, "book": 2}


def test_a_bad_loan_is_an_error_not_a_redirect() -> None:
    with TestClient(app) as client:
        response = client.post("/loans", json={"book_id": 9}, follow_redirects=False)

    assert response.status_code == 404
    assert response.json()["detail"] == "Book 9 not found"


def test_the_redirect_targets_answer() -> None:
    with TestClient(app) as client:  # following the redirects, as a browser does
        books = client.get("/catalogue")
        newest = client.get("/books/newest")
        missing_book = client.get("/books/9")
        missing_loan = client.get("/loans/9")

    assert [book["id"] for book in books.json()] == [1, 2, 3]
    assert newest.json()["title"] == "Piranesi"
    assert (missing_book.status_code, missing_loan.status_code) == (404, 404)


def test_the_schema_documents_each_redirect_with_its_status() -> None:
    with TestClient(app) as client:
        paths = client.get("/schema/openapi.json").json()["paths"]

    assert "308" in paths["/catalogue"]["get"]["responses"]
    assert "302" in paths["/books/newest"]["get"]["responses"]
    assert "location" in paths["/loans"]["post"]["responses"]["303"]["headers"]


def test_the_decorator_status_documents_but_the_redirect_sends_its_own() -> None:
    # --8<-- [start:pitfall]
    @post("/loans", status_code=303)  # what /schema says
    async def borrow() -> Redirect:
        return Redirect("/loans/1")  # what is sent: Redirect's own default, 302

    # --8<-- [end:pitfall]
    with TestClient(Litestar([borrow])) as client:
        response = client.post("/loans", follow_redirects=False)
        documented = client.get("/schema/openapi.json").json()["paths"]["/loans"]["post"]

    assert response.status_code == 302
    assert list(documented["responses"]) == ["303"]


def test_without_the_decorator_status_a_get_redirect_is_documented_as_200() -> None:
    @get("/old")
    async def old() -> Redirect:
        return Redirect("/new")

    with TestClient(Litestar([old])) as client:
        documented = client.get("/schema/openapi.json").json()["paths"]["/old"]["get"]

    assert list(documented["responses"]) == ["200"]


def test_a_307_after_a_post_repeats_the_post() -> None:
    @post("/loans")
    async def borrow() -> Redirect:
        return Redirect("/loans/1", status_code=HTTP_307_TEMPORARY_REDIRECT)

    with TestClient(Litestar([borrow])) as client:
        response = client.post("/loans", json={"book_id": 2})

    # 307 and 308 keep the method and the body: the client POSTs again, to the loan's URL.
    assert response.request.method == "POST"
    assert response.request.read() == b'{"book_id":2}'
    assert response.status_code == 404  # no /loans/1 here; a real app might lend the book twice


@pytest.mark.parametrize("status", [301, 302])
def test_httpx_like_browsers_turns_a_post_into_a_get_on_301_and_302(status: int) -> None:
    @post("/loans")
    async def borrow() -> Redirect:
        return Redirect("/loans", status_code=status)  # type: ignore[arg-type]

    with TestClient(Litestar([borrow])) as client:
        response = client.post("/loans", json={"book_id": 2}, follow_redirects=True)

    # Only a custom of clients: the RFCs allow it for 301 and 302, and 303 says it outright.
    assert response.request.method == "GET"
    assert response.status_code == 405
