"""Logging configured once: structlog through Litestar's plugin, one JSON object per line."""

# --8<-- [start:app]
import structlog
from litestar import Litestar, get
from litestar.exceptions import NotFoundException
from litestar.logging.config import StructLoggingConfig
from litestar.middleware.logging import LoggingMiddlewareConfig
from litestar.params import FromPath
from litestar.plugins.structlog import StructlogConfig, StructlogPlugin

TASKS = {1: "Write the report", 2: "Book the venue"}

# Any module asks structlog for a logger; the plugin decides, once, what a line looks like.
logger = structlog.get_logger()


@get("/tasks/{task_id:int}")
async def read_task(task_id: FromPath[int]) -> dict[str, object]:
    if task_id not in TASKS:
        raise NotFoundException(f"No task {task_id}")
    # Key-value pairs, not a sentence: each one becomes a field a log search can filter on.
    logger.info("task_read", task_id=task_id)
    return {"id": task_id, "title": TASKS[task_id]}


# --8<-- [start:logging]
logging_config = StructlogConfig(
    # pretty_print_tty=False: JSON even in a terminal (the default prints coloured text
    # there, and JSON only when stderr is not a terminal).
    structlog_logging_config=StructLoggingConfig(pretty_print_tty=False),
    # The access log: one line per request and one per response, only the fields we choose.
    middleware_logging_config=LoggingMiddlewareConfig(
        request_log_fields=("method", "path"), response_log_fields=["status_code"]
    ),
)
# --8<-- [end:logging]

app = Litestar(route_handlers=[read_task], plugins=[StructlogPlugin(config=logging_config)])
# --8<-- [end:app]
