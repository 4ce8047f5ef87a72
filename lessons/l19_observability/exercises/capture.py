"""What the checks (and the lesson's tests) read: the log lines an app writes, parsed.

Every structlog logger ends its processors with a ``JSONRenderer`` (Litestar's default, and
this lesson's). Wrapping the renderer's class catches each line exactly as it would be
written, from every logger, including the ones structlog cached on first use with an older
configuration; dropping the event there keeps it off the terminal. Lines from the standard
library (rendered by the same class inside a ``logging`` formatter) are left alone.
``structlog.testing.capture_logs`` would not do: it captures the event before the processors
run, so without the request id that ``merge_contextvars`` adds.
"""

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import structlog
from litestar.plugins.prometheus import PrometheusMiddleware
from prometheus_client import REGISTRY
from structlog.processors import JSONRenderer
from structlog.typing import EventDict, WrappedLogger


@contextmanager
def json_lines() -> Iterator[list[dict[str, Any]]]:
    """Each line structlog renders inside the block, decoded: one JSON object per line."""
    lines: list[dict[str, Any]] = []
    render = JSONRenderer.__call__

    def collect(
        renderer: JSONRenderer, logger: WrappedLogger, name: str, event_dict: EventDict
    ) -> str | bytes:
        rendered = render(renderer, logger, name, event_dict)
        # A standard-library line (ProcessorFormatter passes no logger): not ours to catch.
        if logger is None or isinstance(logger, logging.Logger):
            return rendered
        lines.append(json.loads(rendered))
        raise structlog.DropEvent

    JSONRenderer.__call__ = collect  # type: ignore[method-assign, assignment]
    try:
        yield lines
    finally:
        JSONRenderer.__call__ = render  # type: ignore[method-assign]


def forget_metrics() -> None:
    """Start from zero: Litestar keeps its metrics in one class-wide dict, per process.

    An app built later with the same prefix would otherwise add to the counters (and keep the
    label names) of the first one, which is right in a server and wrong for a check.
    """
    for metric in PrometheusMiddleware._metrics.values():
        REGISTRY.unregister(metric)
    PrometheusMiddleware._metrics.clear()
