"""The load test's short form (python -m reliability.load), and the checks it makes.

No speed is asserted: what must hold is that every acknowledged write is in the database
exactly as acknowledged, and that no request got a 5xx.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from reliability.load import load_test, main
from reliability.workload import (
    ALL,
    POSTGRES,
    SQLITE,
    Created,
    Ledger,
    Patched,
    Row,
    Snapshot,
    run_each,
    violations,
)


def test_a_short_load_loses_nothing(database: str) -> None:
    result = load_test(database, seconds=5.0, clients=12)
    ledger = result.ledger
    assert result.violations == ()
    assert result.ok
    assert set(ledger.statuses) <= {200, 201, 412}
    assert ledger.statuses[201] == len(ledger.created) > 0
    assert len(ledger.patched) > 0
    assert result.tasks_stored == len(ledger.created)  # nothing in flight when it stopped
    assert ledger.unknown_creates == 0
    assert not ledger.unknown_patches
    assert result.workers == (2 if database == POSTGRES else 1)


def test_the_command_prints_figures_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--seconds", "1", "--clients", "4", "--database", "sqlite"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("sqlite, 1 worker(s), 4 clients")
    assert "req/s, p50 " in out
    assert "violations: 0" in out


def test_clients_are_bounded() -> None:
    with pytest.raises(ValueError, match="between 1 and 256"):
        load_test(SQLITE, seconds=1.0, clients=1000)


# The checks themselves, on records made up to break each rule once.


def _ledger() -> Ledger:
    ledger = Ledger()
    ledger.created = {1: Created(7, "c0-1"), 2: Created(7, "c0-2")}
    ledger.patched = [Patched(1, 2, "first"), Patched(1, 3, "second")]
    ledger.statuses.update({201: 2, 200: 2})
    return ledger


def _stored(**rows: Row) -> Snapshot:
    tasks = {
        1: Row(7, "c0-1", "second", 3),
        2: Row(7, "c0-2", "", 1),
        **{int(key.removeprefix("t")): row for key, row in rows.items()},
    }
    return Snapshot(tasks, {7: len(tasks)})


def test_a_consistent_database_has_no_violations() -> None:
    assert violations(_ledger(), _stored()) == []


def test_each_broken_rule_is_reported() -> None:
    ledger = _ledger()
    ledger.statuses[500] = 1
    stored = _stored()
    del stored.tasks[2]  # an acknowledged create is missing
    stored.tasks[1] = Row(7, "c0-1", "first", 2)  # the newest acknowledged update is lost
    problems = violations(ledger, Snapshot(stored.tasks, {7: 5}))
    assert problems == [
        "1 answers were 5xx: {201: 2, 200: 2, 500: 1}",
        "acknowledged task 2 Created(owner=7, title='c0-2') is None",
        "1 tasks stored, 2 acknowledged and 0 unanswered",
        "task 1: version 2 after 2 acknowledged PATCHes (newest v3) and 0 unanswered",
        "user 7: task_count 5, 1 tasks stored",
    ]


def test_duplicates_and_stale_rows_are_reported() -> None:
    ledger = _ledger()
    ledger.patched.append(Patched(1, 3, "again"))  # two 200s for one version
    stored = _stored(t3=Row(7, "c0-2", "", 1))  # stored twice
    stored.tasks[1] = Row(7, "c0-1", "first", 3)  # the right version, the wrong text
    assert violations(ledger, stored) == [
        "task 'c0-2' is stored 2 times",
        "3 tasks stored, 2 acknowledged and 0 unanswered",
        "task 1: two PATCHes acknowledged one version: [2, 3, 3]",
        "task 1: 'first', not 'second'",
    ]


def test_unanswered_writes_may_or_may_not_have_happened() -> None:
    ledger = _ledger()
    ledger.unknown_creates = 1
    ledger.unknown_patches[1] = 1
    ledger.unknown_patches[2] = 1
    stored = _stored(t3=Row(7, "c1-9", "", 1))  # the unanswered create happened
    stored.tasks[1] = Row(7, "c0-1", "in flight", 4)  # so did the unanswered update
    stored.tasks[2] = Row(7, "c0-2", "in flight", 2)
    assert violations(ledger, stored) == []
    stored.tasks[2] = Row(7, "c0-2", "in flight", 3)  # one more than was ever sent
    assert violations(ledger, stored) == ["task 2: version 3, no PATCH acknowledged"]


@dataclass(frozen=True)
class Held:
    kind: str
    ok: bool = True

    def report(self) -> str:
        return f"{self.kind}: held\n"


def test_a_postgres_that_does_not_answer_is_reported(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:1/test")
    monkeypatch.delenv("REQUIRE_SERVICES", raising=False)
    # As part of "all", a note; asked for by name, or with REQUIRE_SERVICES=1, a failure.
    assert run_each(ALL, Held) == 0
    assert capsys.readouterr().out.splitlines() == [
        "sqlite: held",
        (
            "postgres: not run, it does not answer:"
            " ConnectionRefusedError: [Errno 111] Connection refused"
        ),
    ]
    assert main(["--database", POSTGRES]) == 1
    monkeypatch.setenv("REQUIRE_SERVICES", "1")
    assert run_each(ALL, Held) == 1
