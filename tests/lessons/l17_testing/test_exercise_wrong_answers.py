"""Exercise 2's checks reject plausible wrong tests, each through the check meant for it."""

from pathlib import Path

import pytest

from lessons.kit.running import run_checks
from lessons.manifest import find

WRITE_THE_TESTS = next(e for e in find(17).exercises() if e.name == "e02_write_the_tests")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("old", "new", "caught_by"),
    [
        (  # only the status code: a basket that keeps nothing passes it
            'assert basket.json() == [{"sku": "green-tea", "quantity": 2}]',
            "assert basket.status_code == 200",
            "added_catches_forgetting",
        ),
        (  # the wrong contract: the shop's own app fails it
            "assert refused.status_code == 400",
            "assert refused.status_code == 422",
            "refused_passes",
        ),
    ],
    ids=["status-only", "expects-422"],
)
def test_a_wrong_test_fails_its_check(tmp_path: Path, old: str, new: str, caught_by: str) -> None:
    solution = WRITE_THE_TESTS.solution.read_text(encoding="utf-8")
    assert old in solution
    wrong = tmp_path / "wrong.py"
    wrong.write_text(solution.replace(old, new), encoding="utf-8")

    report = run_checks(WRITE_THE_TESTS, wrong)

    failed = [outcome.check.name for outcome in report.outcomes if outcome.status == "failed"]
    assert failed[0] == caught_by
