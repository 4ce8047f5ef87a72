"""Helpers shared by this lesson's tests."""

import httpx

from tests.transcripts import Transcript, render_exchange

PASSWORD = "correct horse battery staple"


def record_exchange(record: Transcript, response: httpx.Response, *tokens: str) -> httpx.Response:
    """Record an exchange with each JWT shortened (render_exchange already wraps long commands).

    A token changes every second and a page must not, so it is cut to its first part.
    """
    text = render_exchange(response)
    for token in tokens:
        text = text.replace(token, token.split(".")[0] + ".…")
    record.add_text(text)
    return response
