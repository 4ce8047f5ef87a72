"""Thumbnails: a worker makes them, the API says how it is going."""

from typing import Any

import msgspec
from litestar import Litestar, Response, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, JSONBody
from litestar_saq import TaskQueues
from saq.types import Context

from lessons.l18_background_work.queues import queue_name, saq_plugin, stop_workers

QUEUE = queue_name()  # the queue's name: task_queues.get(QUEUE) is the queue


async def make_thumbnail(ctx: Context, *, image: str) -> dict[str, str]:
    # The slow part, written already: it runs in the worker, never in a request.
    return {"thumbnail": image.rsplit(".", 1)[0] + "-128.png"}


class Image(msgspec.Struct):
    image: str


class Thumbnail(msgspec.Struct):
    id: str
    status: str
    result: dict[str, Any] | None = None


@post("/thumbnails", status_code=202)
async def request_thumbnail(
    data: JSONBody[Image], task_queues: NamedDependency[TaskQueues]
) -> Response[Thumbnail]:
    # Queue the work and answer at once: 202, and where to ask how it is going.
    job = await task_queues.get(QUEUE).enqueue("make_thumbnail", image=data.image)
    key = job.key if job else ""  # None only for a key already queued: ours are new
    return Response(
        Thumbnail(id=key, status="queued"),
        status_code=202,
        headers={"Location": f"/thumbnails/{key}"},
    )


@get("/thumbnails/{thumbnail_id:str}")
async def read_thumbnail(
    thumbnail_id: FromPath[str], task_queues: NamedDependency[TaskQueues]
) -> Thumbnail:
    job = await task_queues.get(QUEUE).job(thumbnail_id)
    if job is None:
        raise NotFoundException(f"no thumbnail {thumbnail_id}")
    return Thumbnail(id=job.key, status=job.status, result=job.result)


app = Litestar(
    route_handlers=[request_thumbnail, read_thumbnail],
    plugins=[saq_plugin([make_thumbnail], name=QUEUE)],  # a worker runs inside the app
    on_shutdown=[stop_workers],
)
