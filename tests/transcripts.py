"""Request/response transcripts for the docs, written by the tests themselves.

A test records the exchanges it wants a page to show::

    def test_hello(transcript: MakeTranscript) -> None:
        record = transcript("l01_first_app/hello")
        with TestClient(app) as client:
            record(client.get("/"))

When the test ends, the recording is compared with ``docs/transcripts/<name>.txt``, which the
page includes. A difference fails the test, so a page can never show a response the code no
longer gives. ``pytest --update-transcripts`` (or ``nox -s transcripts``) rewrites the files.

Each exchange is shown as the curl command that makes the request against ``python -m lessons
run``'s address (split over lines with ``\\`` when it is long), then the status line, the
content type, any headers the test asks for, and the body. JSON bodies are shown as sent when
they fit on one line, and indented otherwise; HTML pages by their first line.
``record.add_text(...)`` adds text the test built from real output that is not an HTTP
exchange, such as WebSocket messages.
"""

from __future__ import annotations

import difflib
import json
import shlex
from collections.abc import Callable, Iterable
from pathlib import Path

import httpx

from lessons.manifest import ROOT

TRANSCRIPTS_DIR = ROOT / "docs" / "transcripts"
SERVER = "http://127.0.0.1:8000"
ONE_LINE = 88
# A command longer than this is split over lines, one header or body per line.
COMMAND_WIDTH = 80
# Headers httpx adds to every request by itself; a curl command would not spell them out.
_AUTOMATIC_HEADERS = {
    "host",
    "accept",
    "accept-encoding",
    "connection",
    "user-agent",
    "content-length",
}


class Transcript:
    """The exchanges one test records for one transcript file."""

    def __init__(self, name: str, directory: Path | None = None) -> None:
        self.name = name
        self.path = (directory or TRANSCRIPTS_DIR) / f"{name}.txt"
        self._blocks: list[str] = []

    def __call__(self, response: httpx.Response, *, headers: Iterable[str] = ()) -> httpx.Response:
        """Record one exchange (showing the named response headers too) and return the response."""
        self._blocks.append(render_exchange(response, headers))
        return response

    def add_text(self, block: str) -> None:
        """Record text the test built from real output, e.g. the messages of a WebSocket session."""
        self._blocks.append(block.rstrip("\n"))

    @property
    def text(self) -> str:
        return "\n\n".join(self._blocks) + "\n"

    def finish(self, *, update: bool) -> str | None:
        """Write the file when updating; otherwise return a message if the file is stale."""
        if not self._blocks:
            return f"transcript {self.name!r} recorded no exchange"
        if update:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(self.text, encoding="utf-8")
            return None
        if not self.path.exists():
            return f"{_shown(self.path)} does not exist: run `nox -s transcripts`"
        committed = self.path.read_text(encoding="utf-8")
        if committed == self.text:
            return None
        diff = "".join(
            difflib.unified_diff(
                committed.splitlines(keepends=True),
                self.text.splitlines(keepends=True),
                fromfile=f"{_shown(self.path)} (committed)",
                tofile="what the code does now",
            )
        )
        return f"stale transcript; run `nox -s transcripts` to rewrite it:\n{diff}"


MakeTranscript = Callable[[str], Transcript]


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def render_exchange(response: httpx.Response, headers: Iterable[str] = ()) -> str:
    request = response.request
    lines = [_curl(request)]
    lines.append(f"HTTP/1.1 {response.status_code} {response.reason_phrase}")
    shown = ["content-type", *(name.lower() for name in headers)]
    lines.extend(f"{name}: {response.headers[name]}" for name in shown if name in response.headers)
    body = _body(response)
    if body:
        lines.extend(["", body])
    return "\n".join(lines)


def _curl(request: httpx.Request) -> str:
    url = SERVER + request.url.raw_path.decode("ascii")
    groups = [["curl", "-i", *(["-X", request.method] if request.method != "GET" else []), url]]
    groups += [
        ["-H", f"{name}: {value}"]
        for name, value in request.headers.items()
        if name.lower() not in _AUTOMATIC_HEADERS
    ]
    content = request.read()
    if content:
        groups.append(["-d", content.decode("utf-8", errors="replace")])
    parts = [shlex.join(group) for group in groups]
    one_line = "$ " + " ".join(parts)
    if len(one_line) <= COMMAND_WIDTH:
        return one_line
    # Longer commands put each header and the body on a line of its own, so a page shows them
    # whole; the copy button copies the lines with their backslashes, as a shell reads them.
    return "$ " + " \\\n    ".join(parts)


def _body(response: httpx.Response) -> str:
    # Event streams end lines with CRLF; files are read back with plain newlines.
    text = response.text.replace("\r\n", "\n")
    content_type = response.headers.get("content-type", "")
    if "html" in content_type:
        return _first_line(text)
    if "json" not in content_type or len(text) <= ONE_LINE:
        return text.rstrip("\n")
    return json.dumps(json.loads(text), indent=2, ensure_ascii=False)


def _first_line(text: str) -> str:
    """An HTML page is shown by its first line and its size: its markup teaches nothing here."""
    lines = text.strip().splitlines()
    if len(lines) <= 1 and len(text) <= ONE_LINE:
        return text.strip()
    first = lines[0][:ONE_LINE] if lines else ""
    return f"{first}\n… ({len(text.encode())} bytes in all)"


__all__ = ["TRANSCRIPTS_DIR", "MakeTranscript", "Transcript", "render_exchange"]
