"""OpenTelemetry traces: a span per request, named by its route, with the queries inside it."""

# --8<-- [start:app]
from typing import Annotated, Any

import msgspec
from advanced_alchemy.extensions.litestar import SQLAlchemyAsyncConfig, SQLAlchemyPlugin, base
from litestar import Litestar, Request, get, post
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, JSONBody
from litestar.plugins.opentelemetry import OpenTelemetryConfig, OpenTelemetryPlugin
from opentelemetry import trace
from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import ConsoleSpanExporter, SimpleSpanProcessor, SpanExporter
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped

from lessons.l13_databases.database import close_engine

DATABASE_URL = "sqlite+aiosqlite:///lesson19.sqlite3"  # a file in the current directory


class Task(base.BigIntBase):
    __tablename__ = "traced_task"
    title: Mapped[str]


class NewTask(msgspec.Struct):
    title: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]


@post("/tasks")
async def add_task(
    data: JSONBody[NewTask], db_session: NamedDependency[AsyncSession]
) -> dict[str, Any]:
    task = Task(title=data.title)
    db_session.add(task)
    await db_session.flush()  # the INSERT, now: the database assigns the id
    return {"id": task.id, "title": task.title}


@get("/tasks/{task_id:int}")
async def read_task(
    task_id: FromPath[int], db_session: NamedDependency[AsyncSession]
) -> dict[str, Any]:
    task = await db_session.get(Task, task_id)
    if task is None:
        raise NotFoundException(f"No task {task_id}")
    return {"id": task.id, "title": task.title}


# --8<-- [start:route-name]
def name_span_by_route(request: Request[Any, Any, Any]) -> None:
    # Litestar names the request's span from the raw path ("GET /tasks/7"): one name per
    # task. The route template is known only after routing, so rename it here.
    span = trace.get_current_span()
    span.update_name(f"{request.method} {request.scope['path_template']}")
    span.set_attribute("http.route", request.scope["path_template"])


# --8<-- [end:route-name]


# --8<-- [start:tracing]
def create_app(database_url: str = DATABASE_URL, exporter: SpanExporter | None = None) -> Litestar:
    # Where spans go. In production: an OTLP exporter behind a BatchSpanProcessor; here the
    # terminal (or, in tests, a list in memory).
    provider = TracerProvider(resource=Resource.create({"service.name": "tasks"}))
    provider.add_span_processor(SimpleSpanProcessor(exporter or ConsoleSpanExporter()))
    db = SQLAlchemyAsyncConfig(
        connection_string=database_url, create_all=True, before_send_handler="autocommit"
    )
    queries = SQLAlchemyInstrumentor()

    def trace_queries() -> None:
        # skip_dep_check: 0.66b2 declares SQLAlchemy < 2.1 and otherwise does nothing at all.
        queries.instrument(
            engine=db.get_engine().sync_engine, tracer_provider=provider, skip_dep_check=True
        )

    def stop_tracing_queries() -> None:
        queries.uninstrument()  # the instrumentor is one per process: free it for the next app

    return Litestar(
        route_handlers=[add_task, read_task],
        plugins=[
            SQLAlchemyPlugin(config=db),
            OpenTelemetryPlugin(
                # Without exclude_spans, every ASGI message sent or received is a span too.
                OpenTelemetryConfig(tracer_provider=provider, exclude_spans=["receive", "send"])
            ),
        ],
        before_request=name_span_by_route,
        on_startup=[trace_queries],
        on_shutdown=[stop_tracing_queries, close_engine(db)],
    )


# --8<-- [end:tracing]

app = create_app()
# --8<-- [end:app]
