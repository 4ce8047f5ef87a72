"""The figures lesson 20's page quotes are the ones in the table the benchmark wrote.

`nox -s bench` rewrites docs/assets/l20-benchmark.txt. When a new run moves a ratio, this
test fails until the page says what the new table says: the page never quotes a number that
no measurement of the project made.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
TABLE = ROOT / "docs" / "assets" / "l20-benchmark.txt"
PAGE = ROOT / "docs" / "lessons" / "20-performance.md"

# (group, row, column the page quotes): "speed" is the ratio, "per call" the time.
QUOTED = [
    ("encode 100 tasks", "msgspec", "speed"),
    ("decode 100 tasks", "msgspec", "speed"),
    ("encode 100 tasks", "pydantic via Litestar", "speed"),
    ("decode 100 tasks", "pydantic via Litestar", "speed"),
    ("GET /tasks?limit=1", "msgspec (step 2)", "speed"),
    ("GET /tasks?limit=1", "pydantic (step 1)", "per call"),
    ("GET /tasks?limit=100", "msgspec (step 2)", "speed"),
]


def measured() -> dict[tuple[str, str, str], str]:
    """Every figure of the table: (group, row, column) -> "8.89x" or "29.0 µs"."""
    figures: dict[tuple[str, str, str], str] = {}
    group = ""
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.endswith("per call   speed"):
            group = line.removesuffix("per call   speed").strip()
        elif match := re.fullmatch(r"  (.+?)\s+([\d.]+ µs)\s+([\d.]+x)", line):
            figures[group, match[1], "per call"] = match[2]
            figures[group, match[1], "speed"] = match[3]
    return figures


@pytest.mark.parametrize("figure", QUOTED, ids=" / ".join)
def test_the_page_quotes_the_measured_figure(figure: tuple[str, str, str]) -> None:
    value = measured()[figure]
    # The table writes "8.89x"; the page writes the ratio with a multiplication sign.
    shown = value.replace("x", "\N{MULTIPLICATION SIGN}")

    assert shown in PAGE.read_text(encoding="utf-8"), f"the page should quote {figure}: {shown}"
