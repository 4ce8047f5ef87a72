"""The plot. matplotlib is in the `bench` dependency group, so these tests need it installed."""

import importlib.util
from pathlib import Path

import pytest

from lessons.l20_performance.benchmark import bench, plot
from lessons.l20_performance.benchmark.bench import Result

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("matplotlib") is None,
    reason="matplotlib is not installed (it is in the `bench` dependency group)",
)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_save_plot_draws_one_panel_per_group(tmp_path: Path) -> None:
    results = [
        Result("encode 2 tasks", "pydantic", 4e-6, 1.0),
        Result("encode 2 tasks", "msgspec", 1e-6, 4.0),
        Result("GET /tasks?limit=1", "pydantic (step 1)", 3e-5, 1.0),
        Result("GET /tasks?limit=1", "msgspec (step 2)", 2e-5, 1.5),
    ]

    plot.save_plot(results, tmp_path / "two.png")
    plot.save_plot(results[:2], tmp_path / "one.png")

    width, height = png_size(tmp_path / "two.png")
    assert width == 900  # 9 inches at 100 dpi
    assert height > png_size(tmp_path / "one.png")[1]  # more groups, a taller figure


def test_the_cli_writes_the_plot_next_to_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main(["--quick", "--output", str(tmp_path)]) == 0

    assert png_size(tmp_path / bench.PLOT_NAME)[0] == 900
    assert (tmp_path / bench.RESULTS_NAME).read_text(encoding="utf-8") == capsys.readouterr().out
