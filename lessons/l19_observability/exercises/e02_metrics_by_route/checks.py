"""Checks for lesson 19, exercise 2: metrics labelled by route."""

from prometheus_client.parser import text_string_to_metric_families

from lessons.kit import CheckFailed, Checks, Client, Reply
from lessons.l19_observability.exercises.capture import forget_metrics

checks = Checks()
COUNTER = "shop_requests_total"


def counted(reply: Reply) -> dict[str, float]:
    """The GET counts of one scrape, by their path label."""
    counts: dict[str, float] = {}
    for family in text_string_to_metric_families(reply.text):
        for sample in family.samples:
            if sample.name == COUNTER and sample.labels.get("method") == "GET":
                path = sample.labels.get("path", "")
                counts[path] = counts.get(path, 0) + sample.value
    return counts


@checks.add(
    "GET /metrics answers 200, and an unknown order is a 404",
    passes_on_start="the metrics are served already; keep them",
)
def serves_metrics(client: Client) -> None:
    forget_metrics()
    client.get("/orders/99").expect(404)  # an unknown order is still a 404
    client.get("/metrics").expect(200)


@checks.add(
    "after GET /orders/1, /orders/2 and /orders/3, one series path=/orders/{order_id} counts 3",
    needs=serves_metrics,
)
def grouped_by_route(client: Client) -> None:
    forget_metrics()
    for order_id in (1, 2, 3):
        client.get(f"/orders/{order_id}").expect(200)
    reply = client.get("/metrics")
    orders = {path: count for path, count in counted(reply).items() if path != "/metrics"}
    if orders != {"/orders/{order_id}": 3.0}:
        raise CheckFailed(
            request="GET /orders/1, /orders/2, /orders/3, then GET /metrics",
            expected=(
                f'{COUNTER}{{path="/orders/{{order_id}}", method="GET", ...}} 3.0, '
                "and no other order path"
            ),
            received=f"GET counts by path: {orders}",
            nudge="PrometheusConfig can label a request with the route it matched",
        )


@checks.add("the scrapes of /metrics are not counted", needs=serves_metrics)
def scrapes_not_counted(client: Client) -> None:
    forget_metrics()
    client.get("/metrics")
    reply = client.get("/metrics")
    if counted(reply):
        raise CheckFailed(
            request="GET /metrics twice",
            expected=f"no {COUNTER} series at all: nothing but scrapes happened",
            received=f"GET counts by path: {counted(reply)}",
            nudge="PrometheusConfig takes patterns of paths it leaves alone",
        )
