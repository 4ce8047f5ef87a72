"""The benchmark's code runs on tiny sizes so it cannot rot. No test here looks at a speed."""

import asyncio
import runpy
import sys
from pathlib import Path

import pytest
from litestar import Litestar, Request, get
from litestar.datastructures import State

from lessons.l20_performance.benchmark import bench
from lessons.l20_performance.benchmark.bench import (
    APPS,
    QUICK,
    Result,
    Settings,
    call_asgi,
    codec_results,
    endpoint_results,
    interleaved_medians,
    ratios,
    table,
)
from lessons.l20_performance.benchmark.codecs import all_codecs

TINY = Settings(tasks=2, limits=(1, 2), rounds=1, calls=1)


def test_rounds_alternate_their_order_and_the_median_is_kept() -> None:
    calls: list[str] = []
    times = {"a": iter([9.0, 1.0, 2.0, 3.0]), "b": iter([9.0, 5.0, 50.0, 4.0])}

    def case(name: str) -> float:
        calls.append(name)
        return next(times[name])

    medians = interleaved_medians({"a": lambda: case("a"), "b": lambda: case("b")}, rounds=3)

    # One unrecorded warm-up round, then ABAB... in alternating order: a b, b a, a b.
    assert calls == ["a", "b", "a", "b", "b", "a", "a", "b"]
    assert medians == {"a": 2.0, "b": 5.0}  # the slow 50.0 round does not count


def test_ratios_are_speeds_against_the_first_case() -> None:
    assert ratios({"base": 4e-6, "faster": 1e-6, "slower": 8e-6}) == {
        "base": 1.0,
        "faster": 4.0,
        "slower": 0.5,
    }


def test_codec_measurements_run_for_every_library_and_verb() -> None:
    results = codec_results(all_codecs(), TINY)

    assert [(r.group, r.subject) for r in results] == [
        (f"{verb} 2 tasks", name)
        for verb in ("encode", "decode")
        for name in ["pydantic", "pydantic via Litestar", "msgspec", "attrs", "dataclasses"]
    ]
    assert all(r.seconds > 0 for r in results)
    assert [r.ratio for r in results if r.subject == "pydantic"] == [1.0, 1.0]


def test_endpoint_measurements_run_for_both_apps_and_every_limit() -> None:
    results = endpoint_results(TINY)

    assert [(r.group, r.subject) for r in results] == [
        (f"GET /tasks?limit={limit}", name) for limit in (1, 2) for name in APPS
    ]
    assert [r.ratio for r in results if r.subject == "pydantic (step 1)"] == [1.0, 1.0]


@pytest.mark.parametrize("query", ["", "limit=1", "limit=100", "limit=0", "limit=x"])
def test_the_asgi_call_gets_identical_answers_from_both_apps(query: str) -> None:
    answers = [asyncio.run(call_asgi(app, "/tasks", query)) for app in APPS.values()]

    assert answers[0] == answers[1]
    assert answers[0][0] == (400 if query in {"limit=0", "limit=x"} else 200)


def test_the_table_shows_every_group_with_its_ratios() -> None:
    results = [
        Result("encode 2 tasks", "pydantic", 4e-6, 1.0),
        Result("encode 2 tasks", "msgspec", 1e-6, 4.0),
        Result("GET /tasks?limit=1", "pydantic (step 1)", 3e-5, 1.0),
    ]

    text = table(results, "python -m x --quick", QUICK)

    lines = text.splitlines()
    assert lines[0] == "$ python -m x --quick"
    assert "litestar 2.25.0" in lines[1]
    assert lines[2].startswith("rounds: 1 interleaved, 1 calls each;")
    assert lines[3:] == [
        "",
        "encode 2 tasks                  per call   speed",
        "  pydantic                        4.0 µs   1.00x",
        "  msgspec                         1.0 µs   4.00x",
        "",
        "GET /tasks?limit=1              per call   speed",
        "  pydantic (step 1)              30.0 µs   1.00x",
    ]


def test_the_cli_writes_the_table_into_the_output_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main(["--quick", "--no-plot", "--output", str(tmp_path / "out")]) == 0

    written = (tmp_path / "out" / bench.RESULTS_NAME).read_text(encoding="utf-8")
    assert written == capsys.readouterr().out
    assert written.startswith(f"$ {bench.COMMAND} --quick\n")
    for group in ("encode 2 tasks", "decode 2 tasks", "GET /tasks?limit=1", "GET /tasks?limit=2"):
        assert f"\n{group} " in written
    assert not (tmp_path / "out" / bench.PLOT_NAME).exists()


def test_without_matplotlib_the_cli_stops_before_measuring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # what a missing package looks like
    monkeypatch.setattr(bench, "run", lambda settings: pytest.fail("measured anyway"))

    assert bench.main(["--quick", "--output", str(tmp_path)]) == 2

    assert capsys.readouterr().err == (
        f"{bench.COMMAND}: error: matplotlib is not installed:"
        " run `nox -s bench`, or pass --no-plot\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_python_dash_m_runs_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["bench", "--quick", "--no-plot", "--output", str(tmp_path)])

    with pytest.raises(SystemExit) as exit_info:
        runpy.run_module("lessons.l20_performance.benchmark", run_name="__main__")

    assert exit_info.value.code == 0
    assert (tmp_path / bench.RESULTS_NAME).read_text(encoding="utf-8") == capsys.readouterr().out


def test_a_handler_that_reads_the_body_gets_an_empty_one() -> None:
    @get("/echo")
    async def echo(request: Request[object, object, State]) -> dict[str, str]:
        return {"body": (await request.body()).decode()}

    status, body = asyncio.run(call_asgi(Litestar([echo]), "/echo"))

    assert (status, body) == (200, b'{"body":""}')
