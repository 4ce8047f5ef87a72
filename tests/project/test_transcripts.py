"""The transcript recorder renders exchanges faithfully and fails tests with stale transcripts."""

from pathlib import Path

import httpx
import pytest

from tests.transcripts import Transcript, render_exchange


def exchange(
    request: httpx.Request, status: int = 200, *, content: bytes = b"", content_type: str = ""
) -> httpx.Response:
    headers = {"content-type": content_type} if content_type else {}
    return httpx.Response(status, content=content, headers=headers, request=request)


def test_a_get_is_a_plain_curl_and_short_json_stays_on_one_line() -> None:
    request = httpx.Request("GET", "http://testserver.local/search?q=g&tag=a%20b")
    response = exchange(request, content=b'{"a":1}', content_type="application/json")

    assert render_exchange(response) == (
        "$ curl -i 'http://127.0.0.1:8000/search?q=g&tag=a%20b'\n"
        "HTTP/1.1 200 OK\n"
        "content-type: application/json\n"
        "\n"
        '{"a":1}'
    )


def test_a_post_shows_method_headers_and_body_and_long_json_is_indented() -> None:
    request = httpx.Request(
        "POST", "http://testserver.local/items", json={"name": "it's"}, headers={"X-Key": "k"}
    )
    body = b'{"detail":"' + b"x" * 100 + b'"}'
    response = exchange(request, 400, content=body, content_type="application/json")

    rendered = render_exchange(response)

    # Too long for one line: each header and the body on a line of its own.
    assert rendered.splitlines()[:4] == [
        "$ curl -i -X POST http://127.0.0.1:8000/items \\",
        "    -H 'x-key: k' \\",
        "    -H 'content-type: application/json' \\",
        '    -d \'{"name":"it\'"\'"\'s"}\'',
    ]
    assert rendered.splitlines()[4] == "HTTP/1.1 400 Bad Request"
    assert rendered.endswith('{\n  "detail": "' + "x" * 100 + '"\n}')


def test_named_response_headers_are_shown_and_long_text_is_cut() -> None:
    request = httpx.Request("GET", "http://testserver.local/schema")
    response = httpx.Response(
        200,
        content=b"<html>\n" + b"<p>hello</p>\n" * 20,
        headers={"content-type": "text/html", "x-request-id": "abc", "date": "today"},
        request=request,
    )

    rendered = render_exchange(response, headers=["X-Request-ID"])

    assert rendered.splitlines()[2:] == [
        "content-type: text/html",
        "x-request-id: abc",
        "",
        "<html>",
        "… (267 bytes in all)",
    ]
    assert "date" not in rendered


def test_plain_text_and_event_streams_are_shown_whole() -> None:
    request = httpx.Request("GET", "http://testserver.local/events")
    stream = b"".join(b"event: tick\ndata: %d\n\n" % n for n in range(10))
    response = exchange(request, content=stream, content_type="text/event-stream")

    assert render_exchange(response).endswith(stream.decode().rstrip("\n"))


def test_added_text_is_kept_as_written(tmp_path: Path) -> None:
    transcript = Transcript("ws", tmp_path)
    transcript.add_text("> hello\n< HELLO\n")

    assert transcript.text == "> hello\n< HELLO\n"


def test_an_empty_body_shows_no_blank_line() -> None:
    response = exchange(httpx.Request("DELETE", "http://testserver.local/items/1"), 204)

    assert render_exchange(response) == (
        "$ curl -i -X DELETE http://127.0.0.1:8000/items/1\nHTTP/1.1 204 No Content"
    )


def recorded(directory: Path) -> Transcript:
    transcript = Transcript("lesson/example", directory)
    transcript(exchange(httpx.Request("GET", "http://testserver.local/"), content=b"hi"))
    return transcript


def test_update_writes_the_file_and_then_it_is_fresh(tmp_path: Path) -> None:
    assert recorded(tmp_path).finish(update=True) is None
    assert (tmp_path / "lesson/example.txt").read_text() == (
        "$ curl -i http://127.0.0.1:8000/\nHTTP/1.1 200 OK\n\nhi\n"
    )
    assert recorded(tmp_path).finish(update=False) is None


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    problem = recorded(tmp_path).finish(update=False)

    assert problem is not None
    assert "example.txt does not exist: run `nox -s transcripts`" in problem


def test_a_stale_file_is_reported_with_a_diff(tmp_path: Path) -> None:
    (tmp_path / "lesson").mkdir()
    (tmp_path / "lesson/example.txt").write_text("$ curl -i http://127.0.0.1:8000/\nHTTP/1.1 500\n")

    problem = recorded(tmp_path).finish(update=False)

    assert problem is not None
    assert problem.startswith("stale transcript; run `nox -s transcripts`")
    assert "-HTTP/1.1 500" in problem
    assert "+HTTP/1.1 200 OK" in problem


def test_a_transcript_that_records_nothing_is_reported(tmp_path: Path) -> None:
    assert Transcript("empty", tmp_path).finish(update=True) == (
        "transcript 'empty' recorded no exchange"
    )


def test_the_fixture_fails_a_test_whose_transcript_is_stale(pytester: pytest.Pytester) -> None:
    (pytester.path / "stale").mkdir()
    (pytester.path / "stale/hello.txt").write_text("something the code no longer says\n")
    pytester.makeconftest(
        f"""
        import tests.transcripts
        from tests.conftest import pytest_addoption, transcript
        tests.transcripts.TRANSCRIPTS_DIR = __import__("pathlib").Path({str(pytester.path)!r})
        """
    )
    pytester.makepyfile(
        """
        import httpx

        def test_records(transcript):
            record = transcript("stale/hello")
            request = httpx.Request("GET", "http://testserver.local/")
            record(httpx.Response(200, content=b"hello", request=request))
        """
    )

    stale = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    updated = pytester.runpytest_inprocess("-p", "no:cacheprovider", "--update-transcripts")
    fresh = pytester.runpytest_inprocess("-p", "no:cacheprovider")

    stale.assert_outcomes(passed=1, errors=1)
    stale.stdout.fnmatch_lines(["*stale transcript*", "*-something the code no longer says*"])
    updated.assert_outcomes(passed=1)
    fresh.assert_outcomes(passed=1)
