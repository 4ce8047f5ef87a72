"""Showing log lines and spans on the page: what a person would read, minus what changes."""

import json
from typing import Any

from opentelemetry.sdk.trace import ReadableSpan


def shown(line: dict[str, Any]) -> str:
    """A log line as written, with the timestamp (different every run) elided."""
    return json.dumps({**line, "timestamp": "…"}, ensure_ascii=False, separators=(",", ":"))


def span_tree(spans: tuple[ReadableSpan, ...] | list[ReadableSpan]) -> str:
    """The spans of one trace, each under its parent, with the attributes worth reading."""
    children: dict[int | None, list[ReadableSpan]] = {}
    for span in spans:
        children.setdefault(span.parent.span_id if span.parent else None, []).append(span)
    lines: list[str] = []

    def walk(parent: int | None, depth: int) -> None:
        for span in sorted(children.get(parent, []), key=lambda s: s.start_time or 0):
            attributes = span.attributes or {}
            detail = {
                key: attributes[key] for key in ("http.route", "db.statement") if key in attributes
            }
            # SQLite's db.name is the file's path; the test's file is in a temporary folder.
            database = str(attributes.get("db.name", ""))
            name = span.name.replace(database, "lesson19.sqlite3") if database else span.name
            lines.append(f"{'    ' * depth}{name} ({span.kind.name.lower()}) {json.dumps(detail)}")
            assert span.context is not None
            walk(span.context.span_id, depth + 1)

    walk(None, 0)
    return "\n".join(lines)


def attribute_values(spans: tuple[ReadableSpan, ...] | list[ReadableSpan]) -> list[str]:
    """Every attribute value of every span, as text: where a secret could hide."""
    return [str(value) for span in spans for value in (span.attributes or {}).values()]
