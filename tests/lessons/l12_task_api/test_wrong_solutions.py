"""Lesson 12: the likely wrong answers to each exercise, and the check that rejects each."""

from tests.lessons.wrong_solutions import Wrong, wrong_solution_tests

RULES = "e01_book_rules"
CHANGES = "e02_partial_changes"
MEMBERS = "e03_members"

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
    Wrong(
        MEMBERS,
        "naive-timestamp",
        (("joined_at=datetime.now(UTC)", "joined_at=datetime.now()"),),
        "creates_a_member",
    ),
    Wrong(
        MEMBERS,
        "filter-ignored",
        (("if tier is None or member.tier is tier]", "if tier is None or True]"),),
        "filters_by_tier",
    ),
    Wrong(
        MEMBERS,
        "id-used-up-by-a-hand-made-check",
        (
            (
                "    name: Annotated[str, msgspec.Meta(min_length=1, max_length=50)]",
                "    name: str",
            ),
            ("MEMBERS: dict[int, Member] = {}", "MEMBERS: dict[int, Member] = {}\nTAKEN = [0]"),
            (
                "    member = Member(\n        id=len(MEMBERS) + 1,",
                (
                    "    TAKEN[0] += 1\n"
                    "    if not 1 <= len(data.name) <= 50:\n"
                    "        raise ValidationException('bad name')\n"
                    "    member = Member(\n        id=TAKEN[0],"
                ),
            ),
            (
                "from litestar.exceptions import NotFoundException",
                "from litestar.exceptions import NotFoundException, ValidationException",
            ),
        ),
        "refuses_bad_bodies",
    ),
]

test_a_wrong_solution_fails_its_check = wrong_solution_tests("l12_task_api", WRONG)
