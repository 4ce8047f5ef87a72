"""Lesson 18's tests start from empty outboxes, without pauses, and each queue of its own."""

import os
import uuid
from collections.abc import Iterator

import pytest

from lessons.l18_background_work import (
    payments,
    step01_background_task,
    step02_background_tasks,
    step03_events,
    step04_job_queue,
    step05_retries,
)
from tests.services import delete_saq_queue, require_redis


@pytest.fixture(autouse=True)
def fresh_state(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pauses only make the steps watchable by a person; tests do not wait."""
    for step in (step01_background_task, step02_background_tasks, step03_events):
        monkeypatch.setattr(step, "SECONDS_TO_SEND", 0)
    monkeypatch.setattr(step04_job_queue, "SECONDS_TO_BUILD", 0)
    monkeypatch.setattr(step05_retries, "RETRY_DELAY_SECONDS", 0)
    payments.PAYMENTS.charges.clear()
    monkeypatch.setitem(payments.RECEIPT_OUTAGES, "calls", 0)
    for outbox in (
        step01_background_task.OUTBOX,
        step02_background_tasks.OUTBOX,
        step02_background_tasks.NEWSLETTER,
        step03_events.OUTBOX,
        step03_events.NEWSLETTER,
    ):
        outbox.clear()


@pytest.fixture
def queue(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A queue name no other run uses, on the test Redis; its keys are deleted afterwards."""
    url = require_redis()
    name = f"l18-test-{uuid.uuid4().hex[:12]}"
    monkeypatch.setenv("LESSON18_QUEUE", name)
    monkeypatch.setenv("LESSON18_REDIS_URL", url)
    yield name
    delete_saq_queue(url, name)


def environment_with(name: str) -> dict[str, str]:
    """This process's environment, with the queue's name: for a worker in another process."""
    return {**os.environ, "LESSON18_QUEUE": name}
