"""`python -m capstone`: serve the task API, or apply its migrations.

python -m capstone [--host H] [--port P] [--workers N] [--reload]
python -m capstone migrate
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from capstone.config import Settings
from capstone.http.events import MAX_MESSAGE_BYTES
from capstone.storage.database import database_config, migrate


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
    settings = Settings.from_env()  # fails fast on unsafe production settings
    if args.command == "migrate":
        migrate(database_config(settings))
        return 0

    import uvicorn  # noqa: PLC0415

    if settings.migrate_on_start:
        # Once, here, rather than in every worker at the same time.
        migrate(database_config(settings))
        os.environ["MIGRATE_ON_START"] = "0"

    print(f"Task API on http://{args.host}:{args.port}  (Swagger UI: /schema/swagger)", flush=True)  # noqa: T201
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
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
