"""Draw the benchmark's ratios; matplotlib is imported only here, and only when drawing."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lessons.l20_performance.benchmark.bench import Result


class PlotUnavailableError(Exception):
    """matplotlib is not installed: it is in the `bench` dependency group, not a lesson's."""


def require_matplotlib() -> None:
    try:
        import matplotlib  # type: ignore[import-not-found,unused-ignore]  # noqa: F401, PLC0415
    except ImportError as error:
        raise PlotUnavailableError(
            "matplotlib is not installed: run `nox -s bench`, or pass --no-plot"
        ) from error


# --8<-- [start:plot]
def save_plot(results: Sequence[Result], path: Path) -> None:
    """One panel per group: a bar per subject, its length the speed against the first."""
    require_matplotlib()
    # Figure without pyplot: no global state, no GUI backend, nothing to close.
    from matplotlib.figure import Figure  # type: ignore[import-not-found,unused-ignore]  # noqa: PLC0415

    groups = list(dict.fromkeys(result.group for result in results))
    sizes = [sum(result.group == group for result in results) for group in groups]
    figure = Figure(figsize=(9, 0.6 * len(groups) + 0.45 * len(results)), layout="constrained")
    panels = figure.subplots(len(groups), 1, squeeze=False, height_ratios=sizes)[:, 0]
    for panel, group in zip(panels, groups, strict=True):
        rows = [result for result in results if result.group == group]
        names = [row.subject for row in rows]
        bars = panel.barh(names, [row.ratio for row in rows], color="#e0a030")
        panel.bar_label(bars, labels=[f"{row.ratio:.2f}x" for row in rows], padding=3)
        panel.axvline(1.0, color="#555555", linewidth=1, linestyle="--")
        panel.invert_yaxis()  # the baseline on top, as in the table
        panel.set_title(group, loc="left", fontsize="medium")
        panel.set_xlim(0, max(row.ratio for row in rows) * 1.2)
    panels[-1].set_xlabel("speed against the first row (higher is faster)")
    # No "Software" stamp: the image changes only when the numbers do.
    figure.savefig(path, dpi=100, metadata={"Software": None})


# --8<-- [end:plot]
