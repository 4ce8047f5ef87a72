"""Thumbnails: a worker makes them, the API says how it is going.

Your task (the whole contract is in task.md, or on the lesson page):
POST /thumbnails queues a make_thumbnail job and answers 202 with a Location;
GET at that Location answers the job's status, then its result once it is complete.
"""

from litestar import Litestar
from saq.types import Context

from lessons.l18_background_work.queues import queue_name, saq_plugin, stop_workers

QUEUE = queue_name()  # the queue's name: task_queues.get(QUEUE) is the queue


async def make_thumbnail(ctx: Context, *, image: str) -> dict[str, str]:
    # The slow part, written already: it runs in the worker, never in a request.
    return {"thumbnail": image.rsplit(".", 1)[0] + "-128.png"}


# TODO: POST /thumbnails and GET /thumbnails/{thumbnail_id}, then list them below.

app = Litestar(
    route_handlers=[],
    plugins=[saq_plugin([make_thumbnail], name=QUEUE)],  # a worker runs inside the app
    on_shutdown=[stop_workers],
)
