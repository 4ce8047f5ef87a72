from collections.abc import Iterator

import pytest

from lessons.l10_server_sent_events import (
    step01_countdown,
    step02_progress,
    step03_resume,
    step04_disconnect,
)


@pytest.fixture(autouse=True)
def no_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pauses only make the streams watchable by a person; tests do not wait."""
    for step in (step01_countdown, step02_progress, step03_resume):
        monkeypatch.setattr(step, "SECONDS_BETWEEN_EVENTS", 0)


@pytest.fixture(autouse=True)
def fresh_stream_counts() -> Iterator[None]:
    """Each test starts with no stream opened or closed, whatever the test before it did."""
    step04_disconnect.STREAMS.update(open=0, closed=0)
    yield
    step04_disconnect.STREAMS.update(open=0, closed=0)
