"""Lesson 06's exercise checks reject the likeliest wrong solutions, each for its own reason."""

from pathlib import Path

import pytest

from tests.lessons.wrong_solutions import exercise, failed_checks

PAGING = exercise("l06_dependency_injection", "e01_paging")
CUSTOMER = exercise("l06_dependency_injection", "e02_customer")
BOUNDED_LIMIT = "limit: Annotated[int, QueryParameter(ge=1, le=20)] = 5"
OPTIONAL_HEADER = 'Annotated[str | None, HeaderParameter(name="X-API-Key")] = None,'
REQUIRED_HEADER = 'Annotated[str, HeaderParameter(name="X-API-Key")],'


@pytest.mark.parametrize(
    ("replacements", "caught_by"),
    [
        # No bounds: limit=500 is served.
        (
            {
                BOUNDED_LIMIT: "limit: FromQuery[int] = 5",
                "import FromPath,": "import FromPath, FromQuery,",
            },
            "refuses_out_of_bounds",
        ),
        # The wrong default page size.
        ({"QueryParameter(ge=1, le=20)] = 5": "QueryParameter(ge=1, le=20)] = 10"}, "default_page"),
        # The offset is read but ignored.
        ({"Page(limit=limit, offset=offset)": "Page(limit=limit, offset=0)"}, "reads_the_query"),
        # The offset is taken from the wrong end in the second handler only.
        (
            {"theirs[page.offset : page.offset + page.limit]": "theirs[: page.limit]"},
            "shared_by_both_handlers",
        ),
        # The parameters are read in a hidden way: documented under other names.
        ({"QueryParameter(ge=0)] = 0": 'QueryParameter(ge=0, name="skip")] = 0'}, "documented"),
    ],
)
def test_paging_checks_catch(replacements: dict[str, str], caught_by: str, tmp_path: Path) -> None:
    assert caught_by in failed_checks(PAGING, replacements, tmp_path)


@pytest.mark.parametrize(
    ("replacements", "caught_by"),
    [
        # The customer is cached: bob gets alice's basket.
        (
            {"Provide(provide_customer)}": "Provide(provide_customer, use_cache=True)}"},
            "each_customer_their_own",
        ),
        # A 403 where the client has not said who it is.
        (
            {
                "import NotAuthorizedException": "import PermissionDeniedException",
                "raise NotAuthorizedException": "raise PermissionDeniedException",
            },
            "unknown_key",
        ),
        # The header stays required: Litestar answers its absence with a 400.
        (
            {OPTIONAL_HEADER: REQUIRED_HEADER},
            "missing_key",
        ),
    ],
)
def test_customer_checks_catch(
    replacements: dict[str, str], caught_by: str, tmp_path: Path
) -> None:
    assert caught_by in failed_checks(CUSTOMER, replacements, tmp_path)
