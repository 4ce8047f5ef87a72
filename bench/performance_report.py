"""The performance benchmark's report (bench/performance.py): the text table, the summary the
capstone's performance page includes, the plot, and the saved summaries it can be redrawn from."""

from __future__ import annotations

import itertools
import json
import os
import platform
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from bench.performance_variants import (
    BASELINE,
    BEFORE,
    ENDPOINTS,
    FILED,
    Settings,
    Summary,
    Variant,
    variants_for,
)
from lessons.manifest import ROOT

COMMAND = "python -m bench.performance"
OUTPUT = ROOT / "docs" / "assets"
TEXT_NAME, PLOT_NAME = "capstone-performance.txt", "capstone-performance.png"
SUMMARY_NAME = "capstone-performance-summary.md"  # the table the page shows first
JSON_NAME = "capstone-performance.json"
TIMES = "\N{MULTIPLICATION SIGN}"


def ratio(a: float | None, b: float | None) -> str:
    return "-" if a is None or b is None or not b else f"{a / b:.2f}"


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value * 1e3:.2f}"


@dataclass
class Report:
    settings: Settings
    variants: dict[str, list[Variant]]  # per database
    summaries: dict[tuple[str, str, str], Summary]
    skipped: list[str] = field(default_factory=list)

    def get(self, kind: str, variant: str, endpoint: str) -> Summary | None:
        return self.summaries.get((kind, variant, endpoint))

    def lines(self) -> list[str]:
        s = self.settings
        versions = " · ".join(
            f"{name} {version(name)}"
            for name in ("litestar", "advanced-alchemy", "sqlalchemy", "uvicorn", "granian")
        )
        out = [
            f"Python {platform.python_version()} · {versions} · {os.cpu_count()} CPUs",
            "",
            (
                f"{s.concurrency} keep-alive connections, {s.users} users x {s.tasks:,} tasks,"
                f" a page of {s.page}; {s.warmup:g} s warm-up + {s.seconds:g} s per endpoint;"
            ),
            (
                f"{s.rounds} round(s) in alternating order, medians. x limit: req/s ÷ the"
                " baseline's. CPU: ms of server CPU (all its processes) per request."
            ),
            (
                "CPU lim: the baseline's CPU per request ÷ this one's, the fraction of the limit"
                " it would reach on a saturated core"
            ),
            (
                "(steadier than req/s when other jobs share the machine). conns/1k: database"
                " connections the server opened per 1,000 requests."
            ),
            "",
        ]
        for skipped in self.skipped:
            out += [skipped, ""]
        for kind, variants in self.variants.items():
            out += self.database_lines(kind, variants)
        return out

    def database_lines(self, kind: str, variants: list[Variant]) -> list[str]:
        out = [
            f"## {kind}",
            "",
            (
                f"{'variant':<28}{'endpoint':<8}{'req/s':>8}{'x limit':>9}{'p50 ms':>9}"
                f"{'p99 ms':>9}{'CPU ms':>8}{'CPU lim':>9}{'conns/1k':>10}{'errors':>8}"
            ),
        ]
        names = [variant.name for variant in variants]
        for name in names:
            for endpoint in ENDPOINTS:
                got = self.get(kind, name, endpoint)
                if got is None:
                    continue
                limit = self.get(kind, BASELINE, endpoint)
                out.append(
                    f"{name:<28}{endpoint:<8}{got.rps:>8,.0f}"
                    f"{ratio(got.rps, limit.rps if limit else None):>9}"
                    f"{got.p50 * 1e3:>9.2f}{got.p99 * 1e3:>9.2f}{_ms(got.cpu_per_request):>8}"
                    f"{ratio(limit.cpu_per_request if limit else None, got.cpu_per_request):>9}"
                    f"{got.connections_per_1000:>10.1f}{got.errors:>8}"
                )
        out.append("")
        out += self.comparisons(kind, names)
        for name in names:
            for endpoint in ENDPOINTS:
                got = self.get(kind, name, endpoint)
                if got is not None and got.errors:
                    out.append(f"first error, {name} {endpoint}: {got.error_sample[:160]}")
        out.append("")
        return out

    def comparisons(self, kind: str, names: list[str]) -> list[str]:
        out = []
        steps = [n for n in names if n == BEFORE or n.startswith("+ ")]
        now = steps[-1] if steps and steps[-1] != BEFORE else None
        if FILED in names and now:
            out.append(f"{FILED} → after, uvicorn x1 (what #15 called today → as it ships):")
            out += self.change_lines(kind, FILED, now)
        if BEFORE in steps and now:
            out.append(f"before → after ({now.removeprefix('+ ')} last), uvicorn x1:")
            out += self.change_lines(kind, BEFORE, now)
            out.append("each step, req/s and CPU per request against the step before:")
            for previous, step in itertools.pairwise(steps):
                parts = []
                for endpoint in ENDPOINTS:
                    a, b = self.get(kind, previous, endpoint), self.get(kind, step, endpoint)
                    if a and b:
                        parts.append(
                            f"{endpoint} x{ratio(b.rps, a.rps)}"
                            f" / x{ratio(b.cpu_per_request, a.cpu_per_request)}"
                        )
                out.append(f"  {step:<20} {', '.join(parts)}")
        pairs = [
            ("granian ÷ uvicorn, 1 worker", "after · granian x1", steps[-1] if steps else ""),
            ("granian ÷ uvicorn, 2 workers", "after · granian x2", "after · uvicorn x2"),
        ]
        for label, mine, theirs in pairs:
            parts = []
            for endpoint in ENDPOINTS:
                a, b = self.get(kind, mine, endpoint), self.get(kind, theirs, endpoint)
                if a and b:
                    parts.append(f"{endpoint} x{ratio(a.rps, b.rps)}")
            if parts:
                out.append(f"{label}: req/s {', '.join(parts)}")
        return out

    def change_lines(self, kind: str, before: str, after: str) -> list[str]:
        out = []
        for endpoint in ENDPOINTS:
            first, last = self.get(kind, before, endpoint), self.get(kind, after, endpoint)
            if first and last:
                out.append(
                    f"  {endpoint:<7} req/s x{ratio(last.rps, first.rps)},"
                    f" CPU per request x{ratio(last.cpu_per_request, first.cpu_per_request)},"
                    f" p99 {first.p99 * 1e3:.1f} → {last.p99 * 1e3:.1f} ms,"
                    f" conns/1k {first.connections_per_1000:.1f}"
                    f" → {last.connections_per_1000:.1f}"
                )
        return out

    def after_step(self, kind: str) -> str | None:
        """The last switch turned on, on uvicorn x1: the capstone as it ships."""
        steps = [v.name for v in self.variants.get(kind, []) if v.name.startswith("+ ")]
        return steps[-1] if steps else None

    def summary(self) -> str:
        """Then (#15 filed) against now, per database and endpoint, as a Markdown table."""
        rows = [
            (
                "| database | endpoint | CPU per request, then → now | change"
                " | p99, then → now | fraction of the limit, now | errors, now |"
            ),
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for kind in self.variants:
            after = self.after_step(kind)
            for endpoint in ENDPOINTS:
                first = self.get(kind, FILED, endpoint)
                last = self.get(kind, after, endpoint) if after else None
                limit = self.get(kind, BASELINE, endpoint)
                if first is None or last is None:
                    continue
                cpu = f"{_ms(first.cpu_per_request)} → {_ms(last.cpu_per_request)} ms"
                change = TIMES + ratio(last.cpu_per_request, first.cpu_per_request)
                p99 = f"{first.p99 * 1e3:,.0f} → {last.p99 * 1e3:,.0f} ms"
                fraction = ratio(limit.cpu_per_request if limit else None, last.cpu_per_request)
                cells = [kind, endpoint, cpu, change, p99, fraction, str(last.errors)]
                rows.append("| " + " | ".join(cells) + " |")
        return "\n".join(rows) + "\n"

    def text(self, quick: bool) -> str:
        header = f"$ {COMMAND}{' --quick' if quick else ''}\n"
        return header + "\n".join(self.lines()) + "\n"

    def plot(self, path: Path) -> None:
        # Only the bench group has matplotlib (the typecheck session does not install it).
        import matplotlib as mpl  # type: ignore[import-not-found,unused-ignore]  # noqa: PLC0415

        mpl.use("Agg")
        import matplotlib.pyplot as plt  # type: ignore[import-not-found,unused-ignore]  # noqa: PLC0415

        kinds = list(self.variants)
        figure, axes = plt.subplots(
            2, len(kinds), figsize=(6.5 * len(kinds), 7.5), squeeze=False, layout="constrained"
        )
        for column, kind in enumerate(kinds):
            names = [v.name for v in self.variants[kind] if v.name != BASELINE]
            for row, (title, value) in enumerate(
                [
                    ("fraction of the no-framework limit (CPU lim)", self._limit_fraction),
                    ("server CPU per request, ms", self._cpu_ms),
                ]
            ):
                axis = axes[row][column]
                width = 0.8 / len(ENDPOINTS)
                for offset, endpoint in enumerate(ENDPOINTS):
                    values = [value(kind, name, endpoint) for name in names]
                    axis.bar(
                        [i + (offset - 1) * width for i in range(len(names))],
                        values,
                        width,
                        label=endpoint,
                    )
                axis.set_xticks(range(len(names)), names, rotation=35, ha="right", fontsize=8)
                axis.set_title(f"{kind}: {title}", fontsize=10)
                if row == 0:
                    axis.axhline(1.0, color="grey", linewidth=0.8, linestyle="--")
                axis.legend(fontsize=8)
        figure.savefig(path, dpi=110)
        plt.close(figure)

    def _limit_fraction(self, kind: str, name: str, endpoint: str) -> float:
        # By CPU per request, which a busy machine disturbs far less than req/s.
        got, limit = self.get(kind, name, endpoint), self.get(kind, BASELINE, endpoint)
        if got and limit and got.cpu_per_request and limit.cpu_per_request:
            return limit.cpu_per_request / got.cpu_per_request
        return 0.0

    def _cpu_ms(self, kind: str, name: str, endpoint: str) -> float:
        got = self.get(kind, name, endpoint)
        return (got.cpu_per_request or 0.0) * 1e3 if got else 0.0


def rendered(path: Path, settings: Settings) -> Report:
    """A report from the summaries a run saved (capstone-performance.json), without a run."""
    saved = json.loads(path.read_text(encoding="utf-8"))
    summaries = {tuple(key.split(" | ")): Summary(**value) for key, value in saved.items()}
    kinds = list(dict.fromkeys(kind for kind, _, _ in summaries))
    names = {(kind, variant) for kind, variant, _ in summaries}
    variants = {k: [v for v in variants_for(k) if (k, v.name) in names] for k in kinds}
    return Report(settings, variants, summaries)


def write(report: Report, output: Path, quick: bool) -> str:
    text = report.text(quick)
    output.mkdir(parents=True, exist_ok=True)
    (output / TEXT_NAME).write_text(text, encoding="utf-8")
    (output / SUMMARY_NAME).write_text(report.summary(), encoding="utf-8")
    report.plot(output / PLOT_NAME)
    summaries = {" | ".join(key): vars(summary) for key, summary in report.summaries.items()}
    (output / JSON_NAME).write_text(json.dumps(summaries, indent=1), encoding="utf-8")
    return text
