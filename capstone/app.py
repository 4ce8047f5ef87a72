"""Where a request enters: the app is assembled here from config, http/, domain/ and storage/.

Nothing is built when this module is imported: each process calls `create_app` once.

python -m capstone                                  serve on http://127.0.0.1:8000
uvicorn capstone.app:create_app --factory           the same, with uvicorn's own CLI
litestar --app capstone.app:create_app run          the same, with Litestar's CLI
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from advanced_alchemy.extensions.litestar import SQLAlchemyPlugin
from litestar import Litestar
from litestar.config.cors import CORSConfig
from litestar.di import Provide
from litestar.logging import LoggingConfig
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import RedocRenderPlugin, SwaggerRenderPlugin
from litestar.openapi.spec import Tag
from litestar.stores.base import Store
from litestar.stores.memory import MemoryStore
from litestar.stores.redis import RedisStore

from capstone.config import Settings
from capstone.http.auth import auth_router, jwt_auth, me
from capstone.http.errors import EXCEPTION_HANDLERS
from capstone.http.events import StreamSlots, events_socket, events_stream
from capstone.http.middleware import (
    BodyDeadlineMiddleware,
    JSONFormatter,
    around_every_request,
    filter_server_logs,
)
from capstone.http.openapi import ClosedStructs
from capstone.http.operations import health, ready
from capstone.http.tasks import TaskController, provide_tasks_with
from capstone.storage.channels import live_events, redis_client
from capstone.storage.database import (
    RequestTransactions,
    close_engine,
    database_config,
    migrate,
)

logger = logging.getLogger("capstone")


def limit_store(settings: Settings) -> Store:
    """Where the login limits count: Redis when configured, so every process shares them."""
    if settings.redis_url is None:
        return MemoryStore()
    client = redis_client(settings.redis_url)
    return RedisStore(client, namespace=f"{settings.namespace}:limits", handle_client_shutdown=True)


def create_app(settings: Settings | None = None) -> Litestar:
    settings = settings or Settings.from_env()
    database = database_config(settings)
    channels = live_events(settings.redis_url, settings.namespace)
    stream_slots = StreamSlots(settings.max_streams_per_user)
    transactions = RequestTransactions(settings)
    # Our error body for every error, including the database's (http/errors.py).
    database.set_default_exception_handler = False
    auth = jwt_auth(settings, database)

    @asynccontextmanager
    async def migrated(app: Litestar) -> AsyncIterator[None]:
        if settings.migrate_on_start:
            # Alembic runs its own event loop: give it a thread.
            await anyio.to_thread.run_sync(migrate, database)
        yield

    app = Litestar(
        route_handlers=[
            auth_router(auth, settings),
            me,
            TaskController,
            events_socket,
            events_stream,
            health,
            ready,
        ],
        plugins=[SQLAlchemyPlugin(config=database), channels, ClosedStructs()],
        dependencies={
            "stream_slots": Provide(lambda: stream_slots, sync_to_thread=False),
            "tasks": provide_tasks_with(transactions, channels),
        },
        stores={"rate_limit": limit_store(settings)},
        middleware=[BodyDeadlineMiddleware(settings.body_seconds)],
        on_app_init=[auth.on_app_init],
        lifespan=[migrated],
        on_startup=[filter_server_logs],  # whichever way it is served (litestar run too)
        on_shutdown=[close_engine(database)],
        exception_handlers=EXCEPTION_HANDLERS,
        request_max_body_size=settings.max_body_bytes,
        cors_config=CORSConfig(allow_origins=list(settings.cors_origins))
        if settings.cors_origins
        else None,
        logging_config=LoggingConfig(
            formatters={"json": {"()": JSONFormatter}},
            handlers={"console": {"class": "logging.StreamHandler", "formatter": "json"}},
            loggers={"capstone": {"level": "INFO", "handlers": ["console"], "propagate": False}},
            log_exceptions="never",  # errors.py logs them once, with the request id
        ),
        openapi_config=OpenAPIConfig(
            title="Task API",
            version="1.0.0",
            description="Your tasks, with filters, optimistic locking and live updates.",
            tags=[
                Tag(name="auth", description="Accounts and bearer tokens"),
                Tag(name="tasks", description="Your tasks; PATCH and DELETE take If-Match"),
                Tag(name="events", description="Live task events: WebSocket or server-sent events"),
                Tag(name="operations", description="Liveness and readiness"),
            ],
            render_plugins=[SwaggerRenderPlugin(), RedocRenderPlugin()],
        ),
        debug=False,  # never send a traceback to a client, whatever the environment
    )
    # The request id, the strict headers and the access log, for every request: outside
    # everything, even the answers Litestar gives before any middleware (404, 405).
    return around_every_request(app)
