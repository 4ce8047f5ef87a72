"""The crash test's short form (python -m reliability.crash): SIGKILL mid-load, restart on
the same database, every acknowledged write still there (and SQLite's integrity_check ok)."""

from __future__ import annotations

import pytest

from reliability.crash import crash_test, main
from reliability.workload import SQLITE


def test_acknowledged_writes_survive_a_sigkill(database: str) -> None:
    result = crash_test(database, kill_after=3.0, clients=12)
    ledger = result.ledger
    assert result.violations == ()
    assert result.ok
    assert result.acknowledged_creates > 0
    assert len(ledger.patched) > 0
    assert set(ledger.statuses) <= {200, 201, 412}
    # Stored: every acknowledged task, plus those of the unanswered creates that committed.
    assert result.tasks_stored == result.acknowledged_creates + result.unanswered_stored
    assert 0 <= result.unanswered_stored <= ledger.unknown_creates
    assert result.integrity == ("ok" if database == SQLITE else None)


def test_the_command_prints_figures_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--seconds", "1", "--clients", "4", "--database", SQLITE]) == 0
    out = capsys.readouterr().out
    assert out.startswith("sqlite, 1 worker(s), 4 clients: SIGKILL after 1.0 s")
    assert "integrity_check: ok" in out
    assert "violations: 0" in out
