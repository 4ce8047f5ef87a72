"""Step 04: a span per request, named by route, with a child span for each query."""

from litestar import Litestar
from litestar.plugins.opentelemetry import OpenTelemetryConfig, OpenTelemetryPlugin
from litestar.testing import TestClient
from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from lessons.l19_observability import step04_tracing
from lessons.l19_observability.step01_json_logs import read_task
from lessons.l19_observability.step04_tracing import create_app
from tests.lessons.l19_observability.support import attribute_values, span_tree
from tests.transcripts import MakeTranscript


def test_a_request_is_one_trace_with_its_queries_inside(
    database_url: str, exporter: InMemorySpanExporter, transcript: MakeTranscript
) -> None:
    record = transcript("l19_observability/trace")
    with TestClient(create_app(database_url, exporter)) as client:
        created = record(client.post("/tasks", json={"title": "Plan the offsite"}))
        exporter.clear()  # start-up (create_all) and the POST are traced too; look at the GET
        read = record(client.get(f"/tasks/{created.json()['id']}"))
    spans = exporter.get_finished_spans()
    record.add_text("# the spans of the GET, each under its parent\n" + span_tree(spans))

    assert read.status_code == 200
    server, *queries = sorted(spans, key=lambda span: span.kind != SpanKind.SERVER)
    assert server.name == "GET /tasks/{task_id}"
    assert server.attributes is not None
    assert server.attributes["http.route"] == "/tasks/{task_id}"
    assert server.attributes["http.status_code"] == 200
    assert [span.name.split()[0] for span in queries] == ["connect", "SELECT"]
    assert all(span.kind == SpanKind.CLIENT for span in queries)
    assert {span.context.trace_id for span in spans if span.context} == {server.context.trace_id}
    assert {span.parent.span_id for span in queries if span.parent} == {server.context.span_id}
    select = queries[1].attributes or {}
    assert select["db.system"] == "sqlite"
    assert select["db.statement"] == (
        "SELECT traced_task.id, traced_task.title \nFROM traced_task \nWHERE traced_task.id = ?"
    )


def test_query_parameters_are_not_recorded(
    database_url: str, exporter: InMemorySpanExporter
) -> None:
    with TestClient(create_app(database_url, exporter)) as client:
        client.post("/tasks", json={"title": "Call the caterer"})
    spans = exporter.get_finished_spans()

    assert "INSERT INTO traced_task (title) VALUES (?)" in attribute_values(spans)
    assert not any("caterer" in value for value in attribute_values(spans))


def test_a_missing_task_is_a_traced_404(database_url: str, exporter: InMemorySpanExporter) -> None:
    with TestClient(create_app(database_url, exporter)) as client:
        exporter.clear()
        response = client.get("/tasks/404")
    server = next(span for span in exporter.get_finished_spans() if span.kind == SpanKind.SERVER)

    assert response.status_code == 404
    assert server.name == "GET /tasks/{task_id}"
    assert (server.attributes or {})["http.status_code"] == 404


def test_the_step_runs_on_its_own_database_and_prints_its_spans() -> None:
    assert step04_tracing.DATABASE_URL == "sqlite+aiosqlite:///lesson19.sqlite3"
    assert isinstance(step04_tracing.app, Litestar)


# --8<-- [start:defaults]
def test_by_default_spans_are_named_by_raw_path_and_each_asgi_message_is_a_span(
    provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    plain = Litestar(
        [read_task], plugins=[OpenTelemetryPlugin(OpenTelemetryConfig(tracer_provider=provider))]
    )
    with TestClient(plain) as client:
        client.get("/tasks/1")
    spans = exporter.get_finished_spans()

    assert [span.name for span in spans] == [
        "GET /tasks/1 http send",  # http.response.start
        "GET /tasks/1 http send",  # http.response.body
        "GET /tasks/1",  # one name per task: no tracing backend can group them
    ]
    assert (spans[-1].attributes or {})["http.route"] == "GET /tasks/1"


# --8<-- [end:defaults]


def test_the_instrumentor_is_one_per_process() -> None:
    # Why the app instruments at start-up and uninstruments at shutdown: a second app's
    # instrument() would do nothing while the first is still instrumented.
    assert SQLAlchemyInstrumentor() is SQLAlchemyInstrumentor()


# --8<-- [start:quirk]
def test_without_skip_dep_check_sqlalchemy_2_1_gets_no_spans_at_all(
    provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    engine = create_async_engine("sqlite+aiosqlite://")
    instrumentor = SQLAlchemyInstrumentor()
    # 0.66b2 declares "sqlalchemy >= 1.0.0, < 2.1.0"; on 2.1 it logs a line and returns None.
    assert instrumentor.instrument(engine=engine.sync_engine, tracer_provider=provider) is None
    assert not instrumentor.is_instrumented_by_opentelemetry

    async def query() -> None:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        await engine.dispose()

    import anyio  # noqa: PLC0415

    anyio.run(query)
    assert exporter.get_finished_spans() == ()


# --8<-- [end:quirk]
