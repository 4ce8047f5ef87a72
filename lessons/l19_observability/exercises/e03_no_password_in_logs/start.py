"""Sign-ups without secrets in the log: write the endpoint and choose what is logged.

Your task (the whole contract is in task.md, or on the lesson page): write `POST /signup`,
which logs who signed up, and configure the access log so that neither the password in the
body nor an invite token in the query string is ever written.
"""

import msgspec
import structlog
from litestar import Litestar
from litestar.logging.config import StructLoggingConfig
from litestar.plugins.structlog import StructlogConfig, StructlogPlugin

logger = structlog.get_logger()


class SignUp(msgspec.Struct):
    email: str
    password: str


# TODO: POST /signup takes a SignUp, logs a "signup" line with the email, and answers
# 201 with {"email": ...}.


# TODO: choose the access log's fields (the default list logs the body and the query).
logging_config = StructlogConfig(
    structlog_logging_config=StructLoggingConfig(pretty_print_tty=False),
)
app = Litestar(route_handlers=[], plugins=[StructlogPlugin(config=logging_config)])
