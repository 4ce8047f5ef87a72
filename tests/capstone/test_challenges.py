"""The capstone challenges, both ways: each reference solution passes every check, the capstone
as shipped fails at least one (only through the checks' assertions), and the likeliest wrong
solutions fail the check named for each.

A challenge's checks run against a copy of the capstone in a subprocess (lessons/kit/packages.py),
so nothing here decides what the checks import. The copies are made from the capstone as it is
now: when it changes under a solution's anchored edits, test_solution_passes says where.
"""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import pytest
from litestar import Litestar, put
from litestar.params import JSONBody
from litestar.testing import TestClient
from msgspec import Meta, Struct

from lessons.copies import apply_solution, make_copy, new_files
from lessons.kit.running import Report, run_checks
from lessons.manifest import Challenge, challenges
from tests.exercises import assert_unsolved, explain, last_hint_links_a_section

CHALLENGES = challenges()
parametrize = pytest.mark.parametrize("challenge", CHALLENGES, ids=lambda c: c.name)


def copy_of(challenge: Challenge, folder: Path, *, solved: bool) -> Path:
    make_copy(folder, challenge.sources, challenge.source_root)
    if solved:
        apply_solution(challenge.solution, folder)
    return folder


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, bool], Report]:
    """Every challenge's checks on its solution and on the capstone as shipped, all at once:
    each run is a subprocess, mostly imports, and the machine has more than one core."""

    def run(challenge: Challenge, solved: bool, folder: Path) -> Report:
        return run_checks(challenge, copy_of(challenge, folder, solved=solved))

    # The folders are made here: tmp_path_factory is not safe to call from several threads.
    runs = [
        (challenge, solved, tmp_path_factory.mktemp(challenge.name) / "copy")
        for challenge in CHALLENGES
        for solved in (True, False)
    ]
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {(run_[0].name, run_[1]): pool.submit(run, *run_) for run_ in runs}
        return {key: future.result() for key, future in futures.items()}


@parametrize
def test_solution_passes(challenge: Challenge, reports: dict[tuple[str, bool], Report]) -> None:
    report = reports[challenge.name, True]

    assert report.passed, explain(report)


@parametrize
def test_start_is_unsolved(challenge: Challenge, reports: dict[tuple[str, bool], Report]) -> None:
    assert_unsolved(reports[challenge.name, False])


@parametrize
def test_files(challenge: Challenge) -> None:
    assert challenge.task.is_file(), f"{challenge.name} has no task.md"
    last_hint_links_a_section(challenge)
    # The learner's test is part of the solution, and the checks run it by that name.
    assert challenge.test_file in new_files(challenge.solution)
    assert challenge.test_file in challenge.task.read_text(encoding="utf-8")


def test_there_are_two_challenges_after_the_last_lesson() -> None:
    assert [challenge.number for challenge in CHALLENGES] == [1, 2]


# ---- the likeliest wrong solutions, and the check that catches each ---------------------------


@dataclass(frozen=True)
class Wrong:
    challenge: str  # the challenge's folder, e.g. "c01_labels"
    mistake: str  # what the learner got wrong, in a few words: the test's id
    # (file in the copy, text in the solved copy, what it becomes); an empty new text and
    # old text "*" delete the file.
    changes: tuple[tuple[str, str, str], ...]
    caught_by: str  # the name of the check function that must fail


LABELS_DOMAIN = "capstone/domain/labels.py"
LABELS_HTTP = "capstone/http/labels.py"
DUE_DOMAIN = "capstone/domain/due_soon.py"
DUE_HTTP = "capstone/http/due_soon.py"
WRONGS = [
    Wrong(
        "c01_labels",
        "a model but no migration",
        (("capstone/storage/migrations/versions/0004_task_labels.py", "*", ""),),
        "migrations_match",
    ),
    Wrong(
        "c01_labels",
        "another user's labels readable",
        (
            (
                LABELS_DOMAIN,
                "        await self.tasks.get(task_id)\n        names =",
                "        names =",
            ),
        ),
        "others_are_hidden",
    ),
    Wrong(
        "c01_labels",
        "no validation of a label",
        ((LABELS_HTTP, "JSONBody[list[LabelName]]", "JSONBody[list[str]]"),),
        "bad_labels_are_refused",
    ),
    Wrong(
        "c01_labels",
        "the rule in the handler",
        (
            (LABELS_DOMAIN, "wanted = sorted(set(names))", "wanted = list(names)"),
            (LABELS_HTTP, "set_labels(task_id, data)", "set_labels(task_id, sorted(set(data)))"),
        ),
        "rule_in_the_domain",
    ),
    Wrong(
        "c02_due_soon",
        "a model but no migration",
        (("capstone/storage/migrations/versions/0004_due_soon_window.py", "*", ""),),
        # Every INSERT into user_account names the new column: even registering fails.
        "tasks_keep_working",
    ),
    Wrong(
        "c02_due_soon",
        "the migration's column is nullable, the model's is not",
        (
            (
                "capstone/storage/migrations/versions/0004_due_soon_window.py",
                'server_default="3", nullable=False',
                'server_default="3", nullable=True',
            ),
        ),
        "migrations_match",
    ),
    Wrong(
        "c02_due_soon",
        "another user's tasks in the feed",
        ((DUE_DOMAIN, "                Task.owner_id == self.owner_id,\n", ""),),
        "others_are_hidden",
    ),
    Wrong(
        "c02_due_soon",
        "no bounds on the window",
        ((DUE_HTTP, "days: Annotated[int, Meta(ge=1, le=30)]", "days: int"),),
        "bad_windows_are_refused",
    ),
    Wrong(
        "c02_due_soon",
        "the rule in the handler",
        (
            (DUE_DOMAIN, "                Task.status != Status.DONE,\n", ""),
            (
                DUE_HTTP,
                "for task in await feed.tasks()]",
                'for task in await feed.tasks() if task.status != "done"]',
            ),
        ),
        "rule_in_the_domain",
    ),
]


def run_wrong(wrong: Wrong, folder: Path) -> Report:
    challenge = next(c for c in CHALLENGES if c.name == wrong.challenge)
    copy_of(challenge, folder, solved=True)
    for file, old, new in wrong.changes:
        path = folder / file
        if old == "*":
            path.unlink()
            continue
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is no longer in the solution's {file}"
        path.write_text(text.replace(old, new), encoding="utf-8")
    # Only the check that must catch it (and what it needs): the others are not the point.
    return run_checks(challenge, folder, only={wrong.caught_by})


@pytest.fixture(scope="module")
def wrong_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[Wrong, Report]:
    folders = {wrong: tmp_path_factory.mktemp("wrong") / "copy" for wrong in WRONGS}
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {wrong: pool.submit(run_wrong, wrong, folders[wrong]) for wrong in WRONGS}
        return {wrong: future.result() for wrong, future in futures.items()}


@pytest.mark.parametrize("wrong", WRONGS, ids=lambda w: f"{w.challenge}-{w.mistake}")
def test_a_wrong_solution_fails_its_check(wrong: Wrong, wrong_reports: dict[Wrong, Report]) -> None:
    report = wrong_reports[wrong]

    assert not report.load_error, report.load_error
    outcomes = {outcome.check.name: outcome for outcome in report.outcomes}
    assert not [o for o in report.outcomes if o.status == "error"], explain(report)
    assert outcomes[wrong.caught_by].status == "failed", (
        f"{wrong.mistake}: {wrong.caught_by} did not fail ({outcomes[wrong.caught_by].status})"
    )


# ---- what the solutions work around ------------------------------------------------------------


def test_litestar_ignores_max_length_on_a_list_that_is_the_whole_body() -> None:
    # Why challenge 1 counts the labels in the domain (hint 2 says so).
    @put("/labels")
    async def labels(
        data: JSONBody[Annotated[list[Annotated[str, Meta(max_length=3)]], Meta(max_length=2)]],
    ) -> list[str]:
        return data

    with TestClient(Litestar([labels], openapi_config=None)) as client:
        assert client.put("/labels", json=["a", "b", "c"]).status_code == 200  # 3 > 2, accepted
        assert client.put("/labels", json=["abcd"]).status_code == 400  # each item is checked


class Window(Struct, forbid_unknown_fields=True):
    days: Annotated[int, Meta(ge=1, le=30)]


def test_litestar_reads_a_number_sent_as_a_string_as_the_number() -> None:
    # Why challenge 2's checks do not expect {"days": "5"} to be a 400 (the page says so).
    @put("/window")
    async def window(data: JSONBody[Window]) -> Window:
        return data

    with TestClient(Litestar([window], openapi_config=None)) as client:
        answer = client.put("/window", json={"days": "5"})

    assert (answer.status_code, answer.json()) == (200, {"days": 5})


def test_python_run_in_a_copy_imports_the_copys_capstone(tmp_path: Path) -> None:
    # What the page promises for `python -m capstone` and `python -m pytest` run in the copy.
    copy = copy_of(CHALLENGES[0], tmp_path / "copy", solved=False)
    found = subprocess.run(
        [sys.executable, "-c", "import capstone; print(capstone.__file__)"],
        cwd=copy,
        capture_output=True,
        text=True,
        check=True,
    )

    assert Path(found.stdout.strip()) == copy / "capstone" / "__init__.py"
