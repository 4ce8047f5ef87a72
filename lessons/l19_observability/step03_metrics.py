"""Prometheus metrics at /metrics, labelled by route template rather than by raw path."""

# --8<-- [start:app]
from litestar import Litestar
from litestar.plugins.prometheus import PrometheusConfig, PrometheusController

from lessons.l19_observability.step01_json_logs import read_task

# --8<-- [start:metrics]
metrics = PrometheusConfig(
    app_name="tasks",
    prefix="tasks",  # the metric names: tasks_requests_total, tasks_request_duration_seconds, ...
    # Label each request with its route template (/tasks/{task_id}), not its path
    # (/tasks/1, /tasks/2, ...): one time series per route, however many tasks there are.
    group_path=True,
    exclude=["^/metrics$"],  # the scraper's own requests are not traffic
)


class MetricsController(PrometheusController):
    # Prometheus reads this page; it is not part of the API, so not in the OpenAPI schema.
    include_in_schema = False


# --8<-- [end:metrics]

app = Litestar(route_handlers=[read_task, MetricsController], middleware=[metrics.middleware])
# --8<-- [end:app]
