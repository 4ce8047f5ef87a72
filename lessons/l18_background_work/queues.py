"""The job queue of lesson 18's SAQ steps and exercise: where Redis is, and a clean shutdown."""

# --8<-- [start:plugin]
import os
from collections.abc import Collection

from litestar import Litestar
from litestar_saq import QueueConfig, SAQConfig, SAQPlugin
from saq.types import Context, Function

REDIS_URL = "redis://127.0.0.1:6379/0"


def queue_name() -> str:
    # SAQ keeps everything about a queue under Redis keys that start with "saq:<name>:"
    # ("saq:job:<name>:" for the jobs): a name of its own per run keeps runs apart.
    return os.environ.get("LESSON18_QUEUE", "lesson18")


def saq_plugin(
    tasks: Collection[Function[Context]],
    *,
    name: str | None = None,
    redis_url: str | None = None,
    in_process: bool = True,
) -> SAQPlugin:
    queue = QueueConfig(
        dsn=redis_url or os.environ.get("LESSON18_REDIS_URL", REDIS_URL),
        name=name or queue_name(),
        tasks=tasks,  # the only functions this queue's workers will run
        # False: the app starts a worker in its own event loop. True: only
        # `litestar workers run` does, in a process of its own.
        separate_process=not in_process,
    )
    return SAQPlugin(SAQConfig(queue_configs=[queue]))


async def stop_workers(app: Litestar) -> None:
    """A shutdown hook: let the in-process worker stop, then close the queue's connections.

    litestar-saq 0.8 only starts the worker's `stop()` without waiting for it, and never
    closes the queue's Redis connections: see "Known quirks" on the page.
    """
    plugin = app.plugins.get(SAQPlugin)
    for worker in plugin.get_workers().values():
        await worker.stop()
    for queue in plugin.get_queues().queues.values():
        await queue.disconnect()


# --8<-- [end:plugin]
