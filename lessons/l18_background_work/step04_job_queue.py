"""A job queue on Redis: the API accepts a report, a worker builds it, the API reports on it."""

# --8<-- [start:job]
import asyncio
from typing import Annotated, Any

import msgspec
from litestar import Litestar, Response, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, JSONBody
from litestar_saq import TaskQueues
from saq.types import Context

from lessons.l18_background_work.queues import queue_name, saq_plugin, stop_workers

SECONDS_TO_BUILD = 0.5  # a slow report; the tests set it to 0
SALES = {"2026-10": [120, 80, 45], "2026-11": [200, 35]}


async def build_report(ctx: Context, *, month: str) -> dict[str, Any]:
    # Runs in a worker, never in a request. Its arguments and its result travel
    # through Redis as JSON.
    await asyncio.sleep(SECONDS_TO_BUILD)
    amounts = SALES.get(month, [])
    return {"month": month, "orders": len(amounts), "total": sum(amounts)}


# --8<-- [end:job]
# --8<-- [start:api]
class ReportRequest(msgspec.Struct):
    month: Annotated[str, msgspec.Meta(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]


class Report(msgspec.Struct):
    id: str
    status: str  # queued, active, complete or failed (SAQ's own words)
    result: dict[str, Any] | None = None


@post("/reports", status_code=202)
async def request_report(
    data: JSONBody[ReportRequest], task_queues: NamedDependency[TaskQueues]
) -> Response[Report]:
    queue = task_queues.get(queue_name())
    key = f"report-{data.month}"
    # A key of our own: while a job with it is queued or running, enqueue() makes
    # no second one and returns None, and the client is sent to the one that runs.
    job = await queue.enqueue("build_report", key=key, month=data.month) or await queue.job(key)
    # 202 Accepted: taken on, not done. Location says where to ask how it is going.
    return Response(
        Report(id=key, status=job.status if job else "queued"),
        status_code=202,
        headers={"Location": f"/reports/{key}"},
    )


@get("/reports/{report_id:str}")
async def read_report(report_id: FromPath[str], task_queues: NamedDependency[TaskQueues]) -> Report:
    job = await task_queues.get(queue_name()).job(report_id)
    if job is None:  # never queued, or finished longer ago than the job's ttl (600 s)
        raise NotFoundException(f"no report {report_id}")
    return Report(id=job.key, status=job.status, result=job.result)


def create_app(*, redis_url: str | None = None, in_process: bool = True) -> Litestar:
    return Litestar(
        route_handlers=[request_report, read_report],
        plugins=[saq_plugin([build_report], redis_url=redis_url, in_process=in_process)],
        on_shutdown=[stop_workers],
    )


app = create_app()  # the API with a worker inside it: one process to try things with
api_app = create_app(in_process=False)  # the API alone: `litestar workers run` runs the jobs
# --8<-- [end:api]
