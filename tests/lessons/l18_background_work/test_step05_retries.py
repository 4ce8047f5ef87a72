"""Step 05: a failed attempt runs again; the idempotency key keeps it to one charge."""

import asyncio
import uuid
from typing import Any

import httpx
import pytest
import saq.utils
from litestar import Litestar
from litestar.testing import TestClient
from saq import Job
from saq.types import Context

from lessons.l18_background_work import step05_retries
from lessons.l18_background_work.exercises.polling import poll
from lessons.l18_background_work.payments import PAYMENTS, RECEIPT_OUTAGES, send_receipt
from lessons.l18_background_work.step05_retries import create_app
from tests.transcripts import MakeTranscript

INVOICE = {"amount": 1500}
FINISHED = {"complete", "failed"}


def until_finished(client: TestClient[Litestar], path: str) -> httpx.Response:
    return poll(lambda: client.get(path), lambda response: response.json()["status"] in FINISHED)


def charge_invoice_7(client: TestClient[Litestar]) -> httpx.Response:
    location = client.post("/invoices/7/charge", json=INVOICE).headers["location"]
    return until_finished(client, location)


def test_a_job_that_fails_once_succeeds_on_its_second_attempt(
    queue: str, transcript: MakeTranscript
) -> None:
    RECEIPT_OUTAGES["calls"] = 1  # the first attempt fails after the charge
    record = transcript("l18_background_work/retry")
    with TestClient(create_app()) as client:
        accepted = record(client.post("/invoices/7/charge", json=INVOICE), headers=["location"])
        done = record(until_finished(client, accepted.headers["location"]))
        charges = record(client.get("/payments"))

    assert done.json() == {
        "id": "charge-invoice-7",
        "status": "complete",
        "attempts": 2,
        "result": {"invoice": 7, "charge": "ch_1", "attempts": 2},
    }
    assert charges.json() == [{"id": "ch_1", "invoice": 7, "amount": 1500}]  # charged once


def test_when_every_attempt_fails_the_job_is_failed(queue: str) -> None:
    RECEIPT_OUTAGES["calls"] = 10
    with TestClient(create_app()) as client:
        done = charge_invoice_7(client)

    assert done.json() == {
        "id": "charge-invoice-7",
        "status": "failed",
        "attempts": 3,
        "result": None,
    }
    assert len(PAYMENTS.made()) == 1


# --8<-- [start:not-idempotent]
async def charge_invoice(ctx: Context, *, invoice: int, amount: int) -> dict[str, Any]:
    # A new key on every attempt: to the provider, each attempt is a new payment.
    charge = PAYMENTS.charge(invoice, amount, idempotency_key=str(uuid.uuid4()))
    await send_receipt(invoice)
    return {"invoice": invoice, "charge": charge, "attempts": ctx["job"].attempts}


# --8<-- [end:not-idempotent]


def test_a_job_that_is_not_idempotent_charges_again_on_each_retry(queue: str) -> None:
    RECEIPT_OUTAGES["calls"] = 2  # two failed attempts, then one that succeeds
    with TestClient(create_app(job=charge_invoice)) as client:
        done = charge_invoice_7(client)

    assert done.json()["status"] == "complete"
    assert [charge["id"] for charge in PAYMENTS.made()] == ["ch_1", "ch_2", "ch_3"]


def test_an_attempt_over_its_timeout_is_cancelled_and_retried(
    queue: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(step05_retries, "TIMEOUT_SECONDS", 1)  # whole seconds: SAQ's unit
    stuck = {"calls": 1}

    async def stuck_once(invoice: int) -> None:
        if stuck["calls"]:
            stuck["calls"] -= 1
            await asyncio.sleep(60)  # cancelled by SAQ after TIMEOUT_SECONDS

    monkeypatch.setattr(step05_retries, "send_receipt", stuck_once)
    with TestClient(create_app()) as client:
        done = charge_invoice_7(client)

    assert done.json()["status"] == "complete"
    assert done.json()["attempts"] == 2
    assert len(PAYMENTS.made()) == 1


def test_an_unknown_charge_is_a_404(queue: str) -> None:
    with TestClient(create_app()) as client:
        assert client.get("/charges/charge-invoice-404").status_code == 404


def test_saqs_defaults_one_attempt_ten_seconds_kept_ten_minutes() -> None:
    job = Job("build_report")

    assert (job.retries, job.timeout, job.ttl, job.retry_delay) == (1, 10, 600, 0.0)


def test_backoff_doubles_the_delay_and_takes_a_random_share_of_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    job = Job("charge_invoice", retry_delay=2.0, retry_backoff=True)
    delays = []
    for share in (1.0, 0.5):
        monkeypatch.setattr(saq.utils, "random", lambda share=share: share)
        for attempts in (1, 2, 3):
            job.attempts = attempts
            delays.append(job.next_retry_delay())

    assert delays == [2.0, 4.0, 8.0, 1.0, 2.0, 4.0]
