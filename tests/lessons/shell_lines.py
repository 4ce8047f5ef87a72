"""Fit a transcript's shell commands on the page: a long ``curl`` line is split before options.

The docs site shows about 100 columns of code at 1280 px. A ``curl`` line longer than
:data:`WIDTH` is continued with backslashes before each ``-H`` and ``-d``, as a reader would
type it, so a request's body never hides off to the right.
"""

from collections.abc import Callable

import httpx

from tests.transcripts import Transcript, render_exchange

WIDTH = 90
_BREAKS = (" -H ", " -d ")


def wrap_commands(text: str, width: int = WIDTH) -> str:
    return "\n".join(_wrap(line, width) for line in text.split("\n"))


def wrapped(record: Transcript) -> Callable[[httpx.Response], httpx.Response]:
    """Record exchanges like ``record(response)`` does, with long commands wrapped."""

    def add(response: httpx.Response) -> httpx.Response:
        record.add_text(wrap_commands(render_exchange(response)))
        return response

    return add


def _wrap(line: str, width: int) -> str:
    if not line.startswith("$ ") or len(line) <= width:
        return line
    for marker in _BREAKS:
        line = line.replace(marker, f" \\\n    {marker.strip()} ")
    return line
