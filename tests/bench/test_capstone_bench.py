"""The capstone benchmark's harness: its arithmetic, its contract check, and a quick run.

No speed is asserted: the numbers depend on the machine. What is checked is that the
harness computes what it says and that both APIs answer the same shapes.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from bench.capstone import (
    CAPSTONE,
    GET,
    LESSON12,
    LIST,
    POST,
    QUICK,
    Endpoint,
    Load,
    Run,
    UnexpectedAnswerError,
    ab_runs,
    answer_shape,
    check_contract,
    compare,
    content_length,
    http_request,
    load,
    main,
    percentile,
)
from tests.bench.canned import canned_server


def test_percentile_interpolates_between_ranks() -> None:
    assert percentile([4.0, 1.0, 3.0, 2.0], 50) == 2.5
    assert percentile([float(n) for n in range(1, 101)], 99) == pytest.approx(99.01)
    assert percentile([float(n) for n in range(1, 101)], 0) == 1.0
    assert percentile([float(n) for n in range(1, 101)], 100) == 100.0
    assert percentile([7.0], 99) == 7.0


@pytest.mark.parametrize(("values", "q"), [([], 50), ([1.0], -1), ([1.0], 101)])
def test_percentile_refuses_nonsense(values: list[float], q: float) -> None:
    with pytest.raises(ValueError, match=r"no values|between 0 and 100"):
        percentile(values, q)


def _load(requests: int, latency: float) -> Load:
    return Load(
        latencies=(latency,) * requests,
        seconds=1.0,
        server_cpu=None,
        client_cpu=0.5,
        sample=b"",
    )


def test_compare_takes_medians_over_rounds_and_ratios_of_the_medians() -> None:
    # Lesson 12: 100, 300, 200 req/s; the capstone: 10, 20, 60 req/s.
    runs = [
        Run(round_, app, LIST, _load(requests, latency))
        for round_, app, requests, latency in [
            (0, LESSON12, 100, 0.001),
            (0, CAPSTONE, 10, 0.010),
            (1, CAPSTONE, 20, 0.030),
            (1, LESSON12, 300, 0.003),
            (2, LESSON12, 200, 0.002),
            (2, CAPSTONE, 60, 0.020),
        ]
    ]

    [comparison] = compare(runs)

    assert comparison.rps == {LESSON12: 200.0, CAPSTONE: 20.0}
    assert comparison.rps_ratio == pytest.approx(0.1)
    assert comparison.round_rps_ratios == pytest.approx((0.1, 20 / 300, 0.3))
    assert comparison.p50 == {LESSON12: 0.002, CAPSTONE: 0.020}
    assert comparison.p50_ratio == pytest.approx(10.0)
    assert comparison.p99_ratio == pytest.approx(10.0)
    assert comparison.server_cpu == {LESSON12: None, CAPSTONE: None}


def test_a_load_reports_rate_and_percentiles_of_its_own_requests() -> None:
    load = Load(
        latencies=tuple(n / 1000 for n in range(1, 101)),
        seconds=4.0,
        server_cpu=0.9,
        client_cpu=0.8,
        sample=b"",
    )
    assert load.rps == 25.0
    assert load.p50 == pytest.approx(0.0505)
    assert load.p99 == pytest.approx(0.09901)


def test_a_deadline_already_past_still_gets_each_connection_one_answer() -> None:
    # A busy machine can stall the loop past a short deadline before the first request;
    # the load must still measure something rather than fail on an empty sample.
    async def past_deadline() -> Load:
        async with canned_server() as port:
            request = http_request("GET", "/", port)
            return await load(port, Endpoint("GET /", 200, (request,)), 3, 0.0, pid=None)

    measured = asyncio.run(past_deadline())

    assert len(measured.latencies) == 3
    assert measured.sample == b"ok"


def test_requests_are_plain_http_11_and_answers_need_a_length() -> None:
    request = http_request("POST", "/tasks", 8000, "abc", '{"title":"é"}')
    head, _, body = request.partition(b"\r\n\r\n")
    assert head.split(b"\r\n") == [
        b"POST /tasks HTTP/1.1",
        b"Host: 127.0.0.1:8000",
        b"Authorization: Bearer abc",
        b"Content-Type: application/json",
        b"Content-Length: 14",  # bytes, not characters
    ]
    assert body == '{"title":"é"}'.encode()
    assert content_length(b"HTTP/1.1 200 OK\r\ncontent-length: 42\r\n\r\n") == 42
    with pytest.raises(UnexpectedAnswerError, match="Content-Length"):
        content_length(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n")


TASK = {
    "id": 1,
    "title": "Task 1",
    "description": "Seeded task number 1",
    "priority": "low",
    "status": "pending",
    "created_at": "2026-01-01T00:01:00Z",
    "completed_at": None,
}


def test_a_page_and_a_bare_list_of_the_same_tasks_have_the_same_shape() -> None:
    extra = {"due_date": None, "updated_at": "2026-01-01T00:01:00Z", "version": 1}
    page = {"items": [TASK | extra], "total": 1, "limit": 50, "offset": 0}
    bare = [TASK]
    assert answer_shape(LIST, json.dumps(page).encode()) == answer_shape(
        LIST, json.dumps(bare).encode()
    )


def test_the_contract_check_names_a_difference() -> None:
    body = json.dumps(TASK).encode()
    renamed = json.dumps({**TASK, "id": "1"}).encode()  # a string id is another contract
    same = [Run(0, LESSON12, GET, _sample(body)), Run(0, CAPSTONE, GET, _sample(body))]
    check_contract(same)
    with pytest.raises(UnexpectedAnswerError, match="answer differently"):
        check_contract([same[0], Run(0, CAPSTONE, GET, _sample(renamed))])
    with pytest.raises(UnexpectedAnswerError, match="not a task"):
        answer_shape(GET, json.dumps({"title": "no id"}).encode())


def _sample(body: bytes) -> Load:
    return Load(latencies=(0.001,), seconds=1.0, server_cpu=None, client_cpu=0.0, sample=body)


def test_both_servers_answer_every_endpoint_with_the_same_shapes() -> None:
    runs = ab_runs(QUICK, progress=lambda message: None)

    shapes = {(run.app, run.endpoint): answer_shape(run.endpoint, run.load.sample) for run in runs}
    for endpoint in (LIST, GET, POST):
        assert shapes[LESSON12, endpoint] == shapes[CAPSTONE, endpoint], endpoint
    assert shapes[CAPSTONE, LIST]["tasks"] == QUICK.page
    assert shapes[CAPSTONE, POST]["task"]["completed_at"] == "NoneType"
    assert {(run.app, run.endpoint) for run in runs} == set(shapes)
    assert all(run.load.latencies for run in runs)


def test_quick_run_writes_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "capstone-benchmark.txt"

    assert main(["--quick", "--output", str(output)]) == 0

    text = output.read_text(encoding="utf-8")
    assert text == capsys.readouterr().out
    assert text.startswith("$ python -m bench.capstone --quick\n")
    assert text.count("capstone ÷ lesson 12: req/s") == 3
    for endpoint in (LIST, GET, POST):
        assert f"{endpoint:<17}{LESSON12:<11}" in text
        assert f"{endpoint:<17}{CAPSTONE:<11}" in text
    assert f"{QUICK.small:>9,} tasks" in text
    assert f"{QUICK.large:>9,} tasks" in text
    assert "plan: SEARCH task USING" in text
