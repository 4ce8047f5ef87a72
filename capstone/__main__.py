"""`python -m capstone`: serve the task API, or apply its migrations.

python -m capstone [--host H] [--port P] [--workers N] [--reload]
python -m capstone migrate
"""

from __future__ import annotations

import argparse
import logging.config
import os
import sys
from collections.abc import Sequence
from typing import Any

from capstone.config import ConfigurationError, Settings
from capstone.http.events import MAX_MESSAGE_BYTES
from capstone.storage.database import database_config, migrate

# After SIGTERM, open connections (an event stream never ends by itself) get this long
# to finish before uvicorn cancels them; clients reconnect, with Last-Event-ID.
SHUTDOWN_SECONDS = 5
# Connections one process holds at once; uvicorn answers 503 to the one after.
MAX_CONNECTIONS = 1000
# uvicorn's own lines (startup, errors) as JSON too; its access log is off: the app writes
# one that carries the request id and never a query string (http/middleware.py).
LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "capstone.http.middleware.JSONFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "loggers": {
        name: {"handlers": ["console"], "level": "INFO", "propagate": False}
        for name in ("uvicorn", "capstone")
    },
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m capstone", description="Serve the task API.")
    parser.add_argument("command", nargs="?", choices=["serve", "migrate"], default="serve")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--workers", type=int, default=1, help="processes; share events with REDIS_URL"
    )
    parser.add_argument("--reload", action="store_true", help="restart when the code changes")
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
    except ConfigurationError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)  # noqa: T201 - one line per bad value
        return 2
    if args.command == "migrate":
        return migrate_or_explain(settings)

    import uvicorn  # noqa: PLC0415

    if settings.migrate_on_start:
        # Once, here, rather than in every worker at the same time.
        if status := migrate_or_explain(settings):
            return status
        os.environ["MIGRATE_ON_START"] = "0"

    logging.config.dictConfig(LOG_CONFIG)
    logging.getLogger("capstone").info(
        "Task API on http://%s:%s  (Swagger UI: /schema/swagger)", args.host, args.port
    )
    uvicorn.run(
        "capstone.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        reload=args.reload,
        # Refuse (1009) a WebSocket message over the events socket's limit before it is
        # read into memory, rather than uvicorn's default of 16 MiB.
        ws_max_size=MAX_MESSAGE_BYTES,
        # X-Forwarded-For only from the proxies named in TRUSTED_PROXIES (uvicorn would
        # otherwise believe it from 127.0.0.1, and the login limit would count a lie).
        proxy_headers=bool(settings.trusted_proxies),
        forwarded_allow_ips=list(settings.trusted_proxies) or None,
        access_log=False,
        log_config=LOG_CONFIG,
        timeout_graceful_shutdown=SHUTDOWN_SECONDS,
        limit_concurrency=MAX_CONNECTIONS,
    )
    return 0


def migrate_or_explain(settings: Settings) -> int:
    """Migrate; a database that cannot be reached is one line naming DATABASE_URL."""
    try:
        migrate(database_config(settings))
    except Exception as error:  # noqa: BLE001 - whatever it is, the cause is one line
        reason = str(error).splitlines()[0] if str(error) else ""
        print(  # noqa: T201
            f"DATABASE_URL could not be migrated: {type(error).__name__}: {reason}",
            file=sys.stderr,
        )
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
