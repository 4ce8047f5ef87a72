"""Step 04: an ETag on every book, and 304 Not Modified when If-None-Match names it."""

import pytest
from litestar import Litestar, Response, get
from litestar.datastructures import ETag
from litestar.exceptions import ImproperlyConfiguredException
from litestar.status_codes import HTTP_304_NOT_MODIFIED
from litestar.testing import TestClient

from lessons.l05_responses.library import BOOKS
from lessons.l05_responses.step04_etags import app, etag_of, matches
from tests.transcripts import MakeTranscript

KINDRED = {"id": 2, "title": "Kindred", "author": "Octavia E. Butler", "year": 1979}


def test_a_current_copy_gets_304_without_a_body(transcript: MakeTranscript) -> None:
    record = transcript("l05_responses/not-modified")
    with TestClient(app) as client:
        first = record(client.get("/books/2"), headers=("etag",))
        etag = first.headers["etag"]
        again = record(client.get("/books/2", headers={"If-None-Match": etag}), headers=("etag",))

    assert first.json() == KINDRED
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag  # a 304 repeats the tag (RFC 9110, 15.4.5)


def test_a_change_gives_a_new_tag_and_a_full_answer(transcript: MakeTranscript) -> None:
    record = transcript("l05_responses/modified")
    with TestClient(app) as client:
        old = client.get("/books/2").headers["etag"]
        record(client.put("/books/2", json={**KINDRED, "year": 1988}))
        response = record(client.get("/books/2", headers={"If-None-Match": old}), headers=("etag",))

    assert response.status_code == 200
    assert response.json()["year"] == 1988
    assert response.headers["etag"] != old


@pytest.mark.parametrize(
    "header",
    ["{tag}", "W/{tag}", '"older", {tag}', '"older",W/{tag}', "*"],
    ids=["exact", "weak-form", "in-a-list", "weak-in-a-list", "star"],
)
def test_if_none_match_uses_the_weak_comparison(header: str) -> None:
    tag = etag_of(BOOKS[2]).to_header()

    assert matches(header.format(tag=tag), etag_of(BOOKS[2]))


@pytest.mark.parametrize("header", ['"older"', "{bare}", "W/{bare}"])
def test_other_or_unquoted_tags_do_not_match(header: str) -> None:
    etag = etag_of(BOOKS[2])

    assert not matches(header.format(bare=etag.value), etag)


def test_a_proxy_that_weakens_the_tag_still_gets_its_304() -> None:
    # A compressing proxy (nginx gzip, for one) turns "abc" into W/"abc" on the way out, and
    # the browser sends back what it received. An exact string compare answers 200 forever.
    with TestClient(app) as client:
        strong = client.get("/books/2").headers["etag"]
        response = client.get("/books/2", headers={"If-None-Match": f"W/{strong}"})

    assert response.status_code == 304
    assert response.headers["etag"] == strong


def test_an_unknown_book_is_still_a_404() -> None:
    with TestClient(app) as client:
        response = client.get("/books/9", headers={"If-None-Match": "*"})

    assert response.status_code == 404


def test_replacing_an_unknown_book_is_a_404() -> None:
    with TestClient(app) as client:
        response = client.put("/books/9", json={**KINDRED, "id": 9})

    assert response.status_code == 404


def test_a_304_with_a_body_is_refused_with_a_500() -> None:
    @get("/hours", sync_to_thread=False)
    def hours() -> Response[str]:
        return Response("9-18", status_code=HTTP_304_NOT_MODIFIED)

    with TestClient(Litestar([hours])) as client:
        response = client.get("/hours")

    # "response content is not supported for ... responses with a status code that does
    # not allow content (304, 204, < 200)": hence Response(None, status_code=304).
    assert response.status_code == 500


def test_a_decorator_etag_is_fixed_and_if_none_match_is_ignored() -> None:
    # Litestar sends an ETag you give it but never compares If-None-Match (2.x has no
    # conditional-request support): that is why step 4 does it by hand.
    @get("/hours", etag=ETag(value="v1"))
    async def hours() -> str:
        return "9-18"

    with TestClient(Litestar([hours])) as client:
        response = client.get("/hours", headers={"If-None-Match": '"v1"'})

    assert response.status_code == 200
    assert response.headers["etag"] == '"v1"'


def test_etag_from_header_is_for_one_tag_not_for_if_none_match() -> None:
    assert ETag.from_header('W/"abc"') == ETag(weak=True, value="abc")
    # If-None-Match may carry a list, or *: from_header reads a list as one odd tag, and
    # raises on * (in a handler, a 500). Hence matches() splits and compares by itself.
    assert ETag.from_header('"a", "b"').value == 'a", "b'
    with pytest.raises(ImproperlyConfiguredException):
        ETag.from_header("*")
