"""Helpers shared by this lesson's tests."""

import httpx

from tests.transcripts import Transcript, render_exchange

PASSWORD = "correct horse battery staple"


def record_without_tokens(record: Transcript, response: httpx.Response, *tokens: str) -> None:
    """Record an exchange with each JWT shortened: a token changes every second, a page must not."""
    text = render_exchange(response)
    for token in tokens:
        text = text.replace(token, token.split(".")[0] + ".…")
    record.add_text(text)
