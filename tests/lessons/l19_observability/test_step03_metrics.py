"""Step 03: /metrics in Prometheus' text format, one time series per route and status."""

import pytest
from litestar import Litestar
from litestar.exceptions import LitestarDeprecationWarning
from litestar.plugins.opentelemetry import OpenTelemetryConfig
from litestar.plugins.prometheus import PrometheusConfig
from litestar.testing import TestClient
from prometheus_client.parser import text_string_to_metric_families

from lessons.l19_observability.step01_json_logs import read_task
from lessons.l19_observability.step03_metrics import MetricsController, app, metrics
from tests.transcripts import MakeTranscript


def samples(text: str, name: str) -> dict[tuple[tuple[str, str], ...], float]:
    """The samples of one metric in a scrape, keyed by their labels."""
    return {
        tuple(sorted(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == name
    }


def labels(**values: str) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(values.items()))


def test_a_scrape_counts_the_requests_just_made(transcript: MakeTranscript) -> None:
    record = transcript("l19_observability/metrics")
    with TestClient(app) as client:
        for task_id in (1, 2, 99):
            client.get(f"/tasks/{task_id}")
        scrape = client.get("/metrics")
    counted = samples(scrape.text, "tasks_requests_total")
    lines = [line for line in scrape.text.splitlines() if line.startswith("tasks_requests_total")]
    record.add_text(
        "$ curl http://127.0.0.1:8000/tasks/1  # then /tasks/2 and /tasks/99\n"
        "$ curl -s http://127.0.0.1:8000/metrics | grep ^tasks_requests_total\n" + "\n".join(lines)
    )

    route = {"app_name": "tasks", "method": "GET", "path": "/tasks/{task_id}"}
    assert counted == {
        labels(**route, status_code="200"): 2.0,  # /tasks/1 and /tasks/2: one series
        labels(**route, status_code="404"): 1.0,
    }
    families = {family.name for family in text_string_to_metric_families(scrape.text)}
    assert {"tasks_requests", "tasks_request_duration_seconds", "tasks_requests_in_progress"} <= (
        families
    )
    # And the duration of each, as a histogram with Prometheus' default buckets.
    durations = samples(scrape.text, "tasks_request_duration_seconds_count")
    assert durations[labels(**route, status_code="200")] == 2.0


def test_metrics_are_plain_text_and_not_in_the_api_schema() -> None:
    with TestClient(app) as client:
        scrape = client.get("/metrics")
        schema = client.get("/schema/openapi.json").json()

    assert scrape.headers["content-type"] == "text/plain; version=1.0.0; charset=utf-8"
    assert list(schema["paths"]) == ["/tasks/{task_id}"]
    assert MetricsController.path == "/metrics"


def test_the_contrib_paths_are_deprecated() -> None:
    import litestar.contrib.opentelemetry  # noqa: PLC0415
    import litestar.contrib.prometheus  # noqa: PLC0415

    # Step 3 and step 4 import from litestar.plugins; the old paths warn (an error here).
    with pytest.warns(LitestarDeprecationWarning, match="litestar.plugins.prometheus"):
        assert litestar.contrib.prometheus.PrometheusConfig is PrometheusConfig
    with pytest.warns(LitestarDeprecationWarning, match="litestar.plugins.opentelemetry"):
        assert litestar.contrib.opentelemetry.OpenTelemetryConfig is OpenTelemetryConfig


def test_the_scrape_itself_and_unknown_paths_are_not_counted() -> None:
    with TestClient(app) as client:
        client.get("/metrics")
        client.get("/no/such/route")  # answered by the router, before any middleware
        scrape = client.get("/metrics")

    assert samples(scrape.text, "tasks_requests_total") == {}


# --8<-- [start:default]
RAW_PATHS = Litestar(
    route_handlers=[read_task, MetricsController],
    middleware=[PrometheusConfig(prefix="raw").middleware],  # group_path is False by default
)


def test_by_default_every_task_id_is_a_time_series_of_its_own() -> None:
    with TestClient(RAW_PATHS) as client:
        for task_id in (1, 2, 3, 4):
            client.get(f"/tasks/{task_id}")
        scrape = client.get("/metrics")

    paths = {dict(key)["path"] for key in samples(scrape.text, "raw_requests_total")}
    # A million tasks, a million series: Prometheus keeps each one in memory. (The scrape is
    # counted once its answer is sent, so it shows up in the next one.)
    assert paths == {"/tasks/1", "/tasks/2", "/tasks/3", "/tasks/4"}


# --8<-- [end:default]


# --8<-- [start:shared]
def test_two_apps_with_one_prefix_in_one_process_share_their_counters() -> None:
    other = Litestar(route_handlers=[read_task, MetricsController], middleware=[metrics.middleware])
    with TestClient(app) as client, TestClient(other) as other_client:
        client.get("/tasks/1")
        other_client.get("/tasks/1")
        scrape = other_client.get("/metrics")

    route = labels(app_name="tasks", method="GET", path="/tasks/{task_id}", status_code="200")
    assert samples(scrape.text, "tasks_requests_total")[route] == 2.0


# --8<-- [end:shared]
