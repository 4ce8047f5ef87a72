"""Step 02: File sends a file inline or as an attachment; Stream sends what a generator yields."""

import asyncio
import csv
import io
from typing import Any, cast

from litestar import Litestar, get
from litestar.response import File
from litestar.testing import TestClient
from litestar.types import Receive, Scope, Send

from lessons.l05_responses.step02_files_streams import HOURS, app
from tests.transcripts import MakeTranscript

Message = dict[str, Any]  # ASGI messages, kept loose


def test_an_inline_file_is_shown_in_the_browser(transcript: MakeTranscript) -> None:
    record = transcript("l05_responses/file-inline")
    with TestClient(app) as client:
        response = record(client.get("/opening-hours"), headers=("content-disposition",))

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.headers["content-disposition"] == 'inline; filename="opening-hours.txt"'
    assert response.content == HOURS.read_bytes()


def test_an_attachment_is_saved_under_its_filename(transcript: MakeTranscript) -> None:
    record = transcript("l05_responses/file-attachment")
    with TestClient(app) as client:
        response = client.get("/opening-hours/download")
        record(response, headers=("content-disposition", "content-length"))

    assert response.headers["content-disposition"] == 'attachment; filename="riverside-hours.txt"'
    # File also sets the size, the file's modification time and an ETag derived from both.
    assert response.headers["content-length"] == str(HOURS.stat().st_size)
    assert "last-modified" in response.headers
    assert response.headers["etag"].startswith('"')


def test_a_file_is_read_in_chunks_of_one_megabyte() -> None:
    assert File(HOURS).chunk_size == 1024 * 1024


def test_a_filename_outside_ascii_is_sent_percent_encoded() -> None:
    @get("/hours")
    async def hours() -> File:
        return File(HOURS, filename="öffnungszeiten.txt")

    with TestClient(Litestar([hours])) as client:
        response = client.get("/hours")

    # RFC 6266's filename*= form, which every current browser reads.
    assert response.headers["content-disposition"] == (
        "attachment; filename*=utf-8''%C3%B6ffnungszeiten.txt"
    )


def test_a_range_request_gets_the_whole_file() -> None:
    with TestClient(app) as client:
        response = client.get("/opening-hours/download", headers={"Range": "bytes=0-9"})

    # Litestar 2.x does not implement ranges: no 206 Partial Content, no Accept-Ranges.
    assert response.status_code == 200
    assert response.content == HOURS.read_bytes()
    assert "accept-ranges" not in response.headers
    assert "content-range" not in response.headers


def test_a_file_is_sent_again_even_when_the_client_has_its_etag() -> None:
    with TestClient(app) as client:
        etag = client.get("/opening-hours").headers["etag"]
        again = client.get("/opening-hours", headers={"If-None-Match": etag})

    # File sets an ETag but never reads If-None-Match: step 4 answers it by hand.
    assert again.status_code == 200
    assert again.content == HOURS.read_bytes()


def test_a_stream_sends_the_rows_as_they_are_made(transcript: MakeTranscript) -> None:
    record = transcript("l05_responses/stream-csv")
    with TestClient(app) as client:
        response = record(client.get("/books.csv"), headers=("content-disposition",))

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="books.csv"'
    assert "content-length" not in response.headers  # nobody knew the size in advance
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["id", "title", "author", "year"]
    assert rows[1:] == [
        ["1", "The Left Hand of Darkness", "Ursula K. Le Guin", "1969"],
        ["2", "Kindred", "Octavia E. Butler", "1979"],
        ["3", "Piranesi", "Susanna Clarke", "2020"],
    ]


async def asgi_bodies(path: str) -> list[Message]:
    """Call the app as a server would; TestClient would join the chunks into one body."""
    sent: list[Message] = []
    finished = asyncio.Event()

    async def receive() -> Message:
        # As a server does: http.disconnect once the response is complete. A stream keeps
        # listening for it the whole time, to stop early when the client goes away.
        await finished.wait()
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)
        if message["type"] == "http.response.body" and not message.get("more_body", False):
            finished.set()

    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [],
        "http_version": "1.1",
        "scheme": "http",
        "root_path": "",
        "asgi": {"version": "3.0"},
        "state": {},
        "extensions": {},
    }
    # A guard, not a measurement: fail instead of hanging if the stream never ends.
    await asyncio.wait_for(app(cast(Scope, scope), cast(Receive, receive), cast(Send, send)), 10)
    return [message for message in sent if message["type"] == "http.response.body"]


def test_the_stream_sends_one_message_per_row() -> None:
    bodies = asyncio.run(asgi_bodies("/books.csv"))

    # The header row and three books, each sent as soon as it was yielded, then the end.
    assert [message["body"] for message in bodies][:2] == [
        b"id,title,author,year\r\n",
        b"1,The Left Hand of Darkness,Ursula K. Le Guin,1969\r\n",
    ]
    assert [message.get("more_body", False) for message in bodies] == [True] * 4 + [False]


def test_the_schema_documents_the_media_types() -> None:
    with TestClient(app) as client:
        paths = client.get("/schema/openapi.json").json()["paths"]

    assert list(paths["/books.csv"]["get"]["responses"]["200"]["content"]) == ["text/csv"]
    assert list(paths["/opening-hours"]["get"]["responses"]["200"]["content"]) == ["text/plain"]
