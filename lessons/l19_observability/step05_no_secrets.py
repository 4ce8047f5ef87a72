"""What never to log: tokens, passwords, and the query strings that carry them."""

# --8<-- [start:app]
import secrets
from typing import Any

import msgspec
import structlog
from litestar import Litestar, get, post
from litestar.datastructures import URL
from litestar.exceptions import PermissionDeniedException
from litestar.logging.config import StructLoggingConfig
from litestar.middleware.logging import LoggingMiddlewareConfig
from litestar.params import FromPath, FromQuery, JSONBody
from litestar.plugins.opentelemetry import OpenTelemetryConfig, OpenTelemetryPlugin
from litestar.plugins.structlog import StructlogConfig, StructlogPlugin
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.trace import Span

from lessons.l19_observability.step01_json_logs import TASKS
from lessons.l19_observability.step02_request_id import RequestIdLogging

logger = structlog.get_logger()
SHARE_TOKEN = "share-7f3a9c"  # noqa: S105 - a lesson's example; really one per link, hashed


class Login(msgspec.Struct):
    username: str
    password: str


@post("/login")
async def login(data: JSONBody[Login]) -> dict[str, str]:
    # Name the fields you log; never log `data` whole: the password is in it.
    logger.info("login", username=data.username)
    return {"username": data.username}


@get("/shared/{task_id:int}")
async def shared_task(task_id: FromPath[int], token: FromQuery[str]) -> dict[str, object]:
    # A share link carries its secret in the query string, where every layer sees it.
    if task_id not in TASKS or not secrets.compare_digest(token, SHARE_TOKEN):
        raise PermissionDeniedException("This link does not open that task")
    return {"id": task_id, "title": TASKS[task_id]}


# --8<-- [start:logging]
# The access log names what it records. Left out on purpose: "query" (?token=...),
# "body" (passwords), "cookies" (sessions). The headers are kept, with the secret ones masked.
access_log = LoggingMiddlewareConfig(
    request_log_fields=("method", "path", "headers"),
    request_headers_to_obfuscate={"Authorization", "Cookie", "X-API-Key"},
    response_log_fields=["status_code"],
)
# --8<-- [end:logging]


# --8<-- [start:span-url]
def url_without_query(span: Span, scope: dict[str, Any]) -> None:
    # The ASGI instrumentation records the whole URL, query string included, in http.url
    # (it masks only a few cloud-signature parameters). Write it again without the query.
    url = URL.from_scope(scope)  # type: ignore[arg-type]
    span.set_attribute("http.url", str(url.with_replacements(query="")))


# --8<-- [end:span-url]


def create_app(provider: TracerProvider | None = None) -> Litestar:
    tracing = OpenTelemetryConfig(
        tracer_provider=provider,  # None: the global one, which records nothing until set up
        exclude_spans=["receive", "send"],
        server_request_hook_handler=url_without_query,
    )
    logging_config = StructlogConfig(
        structlog_logging_config=StructLoggingConfig(pretty_print_tty=False),
        middleware_logging_config=access_log,
    )
    return Litestar(
        route_handlers=[login, shared_task],
        middleware=[RequestIdLogging()],
        plugins=[StructlogPlugin(config=logging_config), OpenTelemetryPlugin(tracing)],
    )


app = create_app()
# --8<-- [end:app]
