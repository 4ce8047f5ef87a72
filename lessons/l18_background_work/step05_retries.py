"""Retries: a job that fails, runs again, and still charges the customer only once."""

# --8<-- [start:job]
from typing import Annotated, Any

import msgspec
from litestar import Litestar, Response, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, JSONBody
from litestar_saq import TaskQueues
from saq.types import Context, Function

from lessons.l18_background_work.payments import PAYMENTS, send_receipt
from lessons.l18_background_work.queues import queue_name, saq_plugin, stop_workers

ATTEMPTS = 3  # SAQ's `retries` is the number of attempts in all: 1 means "never retry"
RETRY_DELAY_SECONDS = 2.0  # the tests set it to 0
TIMEOUT_SECONDS = 5  # an attempt that runs longer is cancelled, and counts as failed


async def charge_invoice(ctx: Context, *, invoice: int, amount: int) -> dict[str, Any]:
    job = ctx["job"]
    # A job may run more than once, so it must be safe to run again: the key is
    # the same on every attempt, and the provider charges a key only once.
    charge = PAYMENTS.charge(invoice, amount, idempotency_key=job.key)
    await send_receipt(invoice)  # may fail after the charge: then SAQ runs it all again
    return {"invoice": invoice, "charge": charge, "attempts": job.attempts}


# --8<-- [end:job]
# --8<-- [start:api]
class Charge(msgspec.Struct):
    amount: Annotated[int, msgspec.Meta(gt=0)]


class ChargeStatus(msgspec.Struct):
    id: str
    status: str
    attempts: int
    result: dict[str, Any] | None = None


@post("/invoices/{invoice:int}/charge", status_code=202)
async def charge(
    invoice: FromPath[int], data: JSONBody[Charge], task_queues: NamedDependency[TaskQueues]
) -> Response[ChargeStatus]:
    key = f"charge-invoice-{invoice}"
    await task_queues.get(queue_name()).enqueue(
        "charge_invoice",
        key=key,
        invoice=invoice,
        amount=data.amount,
        retries=ATTEMPTS,
        retry_delay=RETRY_DELAY_SECONDS,
        retry_backoff=True,  # then 2 s, 4 s, ... (with jitter: a random share of it)
        timeout=TIMEOUT_SECONDS,
    )
    body = ChargeStatus(id=key, status="queued", attempts=0)
    return Response(body, status_code=202, headers={"Location": f"/charges/{key}"})


@get("/charges/{charge_id:str}")
async def read_charge(
    charge_id: FromPath[str], task_queues: NamedDependency[TaskQueues]
) -> ChargeStatus:
    job = await task_queues.get(queue_name()).job(charge_id)
    if job is None:
        raise NotFoundException(f"no charge {charge_id}")
    return ChargeStatus(id=job.key, status=job.status, attempts=job.attempts, result=job.result)


@get("/payments")
async def payments() -> list[dict[str, Any]]:
    return PAYMENTS.made()  # what the provider has really charged


def create_app(
    *, redis_url: str | None = None, job: Function[Context] = charge_invoice
) -> Litestar:
    # `job` lets a test run the same API with a job written wrongly (named alike:
    # a worker finds a job's function by its name).
    return Litestar(
        route_handlers=[charge, read_charge, payments],
        plugins=[saq_plugin([job], redis_url=redis_url)],
        on_shutdown=[stop_workers],
    )


app = create_app()
# --8<-- [end:api]
