"""Many clients PATCH one task with the same If-Match: exactly one wins each version, the
others get 412 with the winner's task, and no update is lost or half-applied.

Against a real server: the capstone under uvicorn on SQLite (one worker), and on PostgreSQL
with two workers, whose contenders' connections may be served by different processes
(skipped when PostgreSQL does not answer; failed instead when REQUIRE_SERVICES=1).
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from bench.capstone import run_async
from reliability.race import race
from reliability.workload import (
    SQLITE,
    Server,
    serve,
    sign_in_users,
    snapshot,
    throwaway_database,
)

CONTENDERS = 12
ROUNDS = 8


@pytest.fixture
def served(database: str) -> Iterator[Server]:
    with throwaway_database(database) as db, serve(db) as server:
        yield server


def test_exactly_one_patch_wins_each_version(served: Server) -> None:
    server = served
    [(token, _)] = sign_in_users(server.port, 1)
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=f"http://127.0.0.1:{server.port}", headers=headers) as client:
        created = client.post("/tasks", json={"title": "Contended", "description": "start"})
        assert created.status_code == 201
        task_id = created.json()["id"]

        rounds, ledger = run_async(
            race(server.port, token, task_id, contenders=CONTENDERS, rounds=ROUNDS)
        )

        final = client.get(f"/tasks/{task_id}")
    assert len(rounds) == ROUNDS
    description = "start"
    for number, contest in enumerate(rounds, start=1):
        # Everyone read the version the previous rounds left, and the text they wrote.
        assert (contest.read_version, contest.read_description) == (number, description)
        [winner] = contest.winners  # exactly one
        assert winner.answer["version"] == number + 1
        description += winner.mark
        assert winner.answer["description"] == description
        losers = [attempt for attempt in contest.attempts if attempt is not winner]
        assert len(losers) == CONTENDERS - 1
        for loser in losers:
            # 412 with the task as the winner left it: the loser can merge and retry.
            assert loser.status == 412
            assert loser.answer["current"]["version"] == number + 1
            assert loser.answer["current"]["description"] == description
    assert final.status_code == 200
    assert final.headers["ETag"] == f'"{ROUNDS + 1}"'
    assert (final.json()["version"], final.json()["description"]) == (ROUNDS + 1, description)
    assert set(ledger.statuses) == {200, 412}
    assert ledger.statuses[412] == ROUNDS * (CONTENDERS - 1)


def test_the_database_holds_exactly_the_winners_changes() -> None:
    """The same race, then the row itself: one version per win, only the winners' marks."""
    with throwaway_database(SQLITE) as database:
        with serve(database) as server:
            [(token, _)] = sign_in_users(server.port, 1)
            with httpx.Client(base_url=f"http://127.0.0.1:{server.port}") as client:
                created = client.post(
                    "/tasks",
                    json={"title": "Contended", "description": ""},
                    headers={"Authorization": f"Bearer {token}"},
                )
            task_id = created.json()["id"]
            rounds, _ = run_async(
                race(server.port, token, task_id, contenders=CONTENDERS, rounds=ROUNDS)
            )
        row = snapshot(database).tasks[task_id]
    wins = [winner.mark for contest in rounds for winner in contest.winners]
    assert len(wins) == ROUNDS
    assert row.version == 1 + len(wins)
    assert row.description == "".join(wins)
