"""Sign-ups without secrets in the log: write the endpoint and choose what is logged.

Your task (the whole contract is in task.md, or on the lesson page): write `POST /signup`,
which logs who signed up, and configure the access log so that neither the password in the
body nor an invite token in the query string is ever written.
"""

import msgspec
import structlog
from litestar import Litestar, post
from litestar.logging.config import StructLoggingConfig
from litestar.middleware.logging import LoggingMiddlewareConfig
from litestar.params import JSONBody
from litestar.plugins.structlog import StructlogConfig, StructlogPlugin

logger = structlog.get_logger()


class SignUp(msgspec.Struct):
    email: str
    password: str


@post("/signup")
async def sign_up(data: JSONBody[SignUp]) -> dict[str, str]:
    logger.info("signup", email=data.email)  # the one field worth a line; never `data` whole
    return {"email": data.email}


logging_config = StructlogConfig(
    structlog_logging_config=StructLoggingConfig(pretty_print_tty=False),
    # Named fields only: the default list logs the body (the password) and the query (tokens).
    middleware_logging_config=LoggingMiddlewareConfig(
        request_log_fields=("method", "path"), response_log_fields=["status_code"]
    ),
)
app = Litestar(route_handlers=[sign_up], plugins=[StructlogPlugin(config=logging_config)])
