"""Lesson 19: the likely wrong answers to each exercise, and the check that rejects each."""

from tests.lessons.wrong_solutions import Wrong, wrong_solution_tests

REQUEST_ID = "e01_request_id_everywhere"
METRICS = "e02_metrics_by_route"
SECRETS = "e03_no_password_in_logs"
BOUND = """        with structlog.contextvars.bound_contextvars(request_id=request_id):
            await next_app(scope, receive, send_with_request_id)"""
GROUPED = '    group_path=True,  # path="/orders/{order_id}": one series per route, not per order\n'
EXCLUDED = "    exclude=[\"^/metrics$\"],  # the scraper's requests are not the shop's traffic\n"
FIELDS = """    middleware_logging_config=LoggingMiddlewareConfig(
        request_log_fields=("method", "path"), response_log_fields=["status_code"]
    ),
"""

WRONG = [
    Wrong(
        REQUEST_ID,
        "bound-after-the-request",
        (
            (
                BOUND,
                (
                    "        await next_app(scope, receive, send_with_request_id)\n"
                    "        structlog.contextvars.bind_contextvars(request_id=request_id)"
                ),
            ),
        ),
        "every_line_has_it",
    ),
    Wrong(
        REQUEST_ID,
        "a-second-fresh-id",
        (
            (
                "bound_contextvars(request_id=request_id)",
                "bound_contextvars(request_id=uuid.uuid4().hex)",
            ),
        ),
        "every_line_has_it",
    ),
    Wrong(
        REQUEST_ID,
        "binds-what-the-client-sent",
        (("bound_contextvars(request_id=request_id)", "bound_contextvars(request_id=incoming)"),),
        "replaces_an_unsafe_id",
    ),
    Wrong(
        REQUEST_ID,
        "bound-only-in-the-handler",
        (
            (BOUND, "        await next_app(scope, receive, send_with_request_id)"),
            (
                '    logger.info("order_read", order_id=order_id)',
                '    logger.info("order_read", order_id=order_id, request_id="?")',
            ),
        ),
        "every_line_has_it",
    ),
    Wrong(METRICS, "raw-paths-left", ((GROUPED, ""),), "grouped_by_route"),
    Wrong(
        METRICS,
        "a-constant-path-label",
        ((GROUPED, '    labels={"path": "/orders"},\n'),),
        "grouped_by_route",
    ),
    Wrong(METRICS, "scrapes-counted", ((EXCLUDED, ""),), "scrapes_not_counted"),
    Wrong(
        METRICS,
        "every-get-excluded",
        ((EXCLUDED, '    excluded_http_methods=["GET"],\n'),),
        "grouped_by_route",
    ),
    Wrong(SECRETS, "default-access-log", ((FIELDS, ""),), "no_password"),
    Wrong(
        SECRETS,
        "query-logged",
        (
            (
                'request_log_fields=("method", "path")',
                'request_log_fields=("method", "path", "query")',
            ),
        ),
        "no_query_token",
    ),
    Wrong(
        SECRETS,
        "logs-the-whole-body",
        (
            (
                'logger.info("signup", email=data.email)',
                'logger.info("signup", **msgspec.structs.asdict(data))',
            ),
        ),
        "no_password",
    ),
    Wrong(
        SECRETS,
        "access-log-switched-off",
        ((FIELDS, "    enable_middleware_logging=False,\n"),),
        "access_log_kept",
    ),
]

test_a_wrong_solution_fails_its_check = wrong_solution_tests("l19_observability", WRONG)
