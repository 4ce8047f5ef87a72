"""Lesson 07's exercise checks reject the likeliest wrong solutions, each for its own reason."""

from pathlib import Path

import pytest

from tests.lessons.wrong_solutions import exercise, failed_checks

TIMING = exercise("l07_middleware", "e01_timing")
MAINTENANCE = exercise("l07_middleware", "e02_maintenance")

OPT_OUT = (
    '    exclude_opt_key = "skip_timing"  # a handler with opt={"skip_timing": True} is skipped'
)
WRAPPED = "await next_app(scope, receive, send_with_timing)"
EXEMPT = '    exempt = request.route_handler.opt.get("open_during_stocktaking", False)'
REFUSAL = 'status_code=503, headers={"Retry-After": "600"}'


@pytest.mark.parametrize(
    ("replacements", "caught_by"),
    [
        # The wrapped send is never used: the header is never added.
        ({WRAPPED: "await next_app(scope, receive, send)"}, "orders_are_timed"),
        # Seconds, not milliseconds.
        ({"* 1000": "* 1"}, "counts_milliseconds"),
        # No opt-out: /health is timed too.
        ({OPT_OUT: ""}, "health_opts_out"),
    ],
    ids=["send-not-wrapped", "seconds", "no-opt-out"],
)
def test_timing_checks_catch(replacements: dict[str, str], caught_by: str, tmp_path: Path) -> None:
    assert caught_by in failed_checks(TIMING, replacements, tmp_path)


@pytest.mark.parametrize(
    ("replacements", "caught_by"),
    [
        # The start's mistake: a dict is sent as the handler's own 201.
        ({"return Response(": "return dict(", REFUSAL: 'detail="x"'}, "orders_refused"),
        # A 503 without Retry-After.
        ({REFUSAL: "status_code=503"}, "orders_refused"),
        # 423 Locked, a status a beginner might pick.
        ({REFUSAL: 'status_code=423, headers={"Retry-After": "600"}'}, "orders_refused"),
        # No exemption: nobody can switch stocktaking off again.
        ({EXEMPT: "    exempt = False"}, "switch_off_again"),
    ],
    ids=["dict", "no-retry-after", "423", "no-exemption"],
)
def test_maintenance_checks_catch(
    replacements: dict[str, str], caught_by: str, tmp_path: Path
) -> None:
    assert caught_by in failed_checks(MAINTENANCE, replacements, tmp_path)
