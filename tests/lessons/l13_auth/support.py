"""Helpers shared by this lesson's tests."""

import httpx

from tests.lessons.shell_lines import wrap_commands
from tests.transcripts import Transcript, render_exchange

PASSWORD = "correct horse battery staple"


def record_exchange(record: Transcript, response: httpx.Response, *tokens: str) -> httpx.Response:
    """Record an exchange as it fits the page: long commands wrapped, each JWT shortened.

    A token changes every second and a page must not, so it is cut to its first part.
    """
    text = render_exchange(response)
    for token in tokens:
        text = text.replace(token, token.split(".")[0] + ".…")
    record.add_text(wrap_commands(text))
    return response
