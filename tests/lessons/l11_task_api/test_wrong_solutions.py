"""Lesson 11: the likely wrong answers to each exercise, and the check that rejects each."""

from tests.lessons.wrong_solutions import Wrong, wrong_solution_tests

RULES = "e01_book_rules"
CHANGES = "e02_partial_changes"

WRONG = [
    Wrong(
        RULES,
        "unknown-fields-allowed",
        (("msgspec.Struct, forbid_unknown_fields=True)", "msgspec.Struct)"),),
        "unknown_field_is_refused",
    ),
    Wrong(RULES, "no-minimum-length", (("min_length=1, ", ""),), "empty_title_is_refused"),
    Wrong(RULES, "zero-copies-allowed", (("Meta(ge=1)", "Meta(ge=0)"),), "zero_copies_is_refused"),
    Wrong(
        CHANGES,
        "none-means-left-out",
        (
            ("Title | msgspec.UnsetType = msgspec.UNSET", "Title | None = None"),
            ("Copies | msgspec.UnsetType = msgspec.UNSET", "Copies | None = None"),
            ("is not msgspec.UNSET", "is not None"),
        ),
        "null_is_refused",
    ),
    Wrong(
        CHANGES,
        "none-in-the-union",
        (("Title | msgspec.UnsetType", "Title | None | msgspec.UnsetType"),),
        "null_is_refused",
    ),
    Wrong(
        CHANGES,
        "rules-lost",
        (("title: Title | msgspec.UnsetType", "title: str | msgspec.UnsetType"),),
        "rules_still_apply",
    ),
]

test_a_wrong_solution_fails_its_check = wrong_solution_tests("l11_task_api", WRONG)
