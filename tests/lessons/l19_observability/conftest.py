"""Lesson 19's fixtures: log lines, fresh metrics, spans in memory, a database per test."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from lessons.l19_observability.exercises.capture import forget_metrics, json_lines


@pytest.fixture
def logs() -> Iterator[list[dict[str, Any]]]:
    """Every line structlog writes during the test, decoded from its JSON."""
    with json_lines() as lines:
        yield lines


@pytest.fixture(autouse=True)
def fresh_metrics() -> Iterator[None]:
    """Counters start at zero in every test, whatever the test before it counted."""
    forget_metrics()
    yield
    forget_metrics()


@pytest.fixture
def exporter() -> InMemorySpanExporter:
    """Finished spans, kept in a list instead of being sent anywhere."""
    return InMemorySpanExporter()


@pytest.fixture
def provider(exporter: InMemorySpanExporter) -> TracerProvider:
    """A tracer provider of the test's own, writing to ``exporter`` as each span ends."""
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return provider


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'lesson19.sqlite3'}"
