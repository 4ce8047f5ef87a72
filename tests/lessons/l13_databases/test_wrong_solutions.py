"""Lesson 13: the likely wrong answers to each exercise, and the check that rejects each."""

from tests.lessons.wrong_solutions import Wrong, wrong_solution_tests

STAY = "e01_products_that_stay"
PAGES = "e02_product_pages"
REMOVE = "e03_remove_products"
ADD = "    return to_out(await products.add(product))  # a duplicate SKU is answered with 409"

WRONG = [
    Wrong(
        STAY,
        "duplicate-answered-400",
        (
            (
                ADD,
                (
                    "    try:\n"
                    "        return to_out(await products.add(product))\n"
                    "    except Exception:\n"
                    "        raise ClientException('That SKU exists') from None"
                ),
            ),
            (
                "from litestar import",
                "from litestar.exceptions import ClientException\nfrom litestar import",
            ),
        ),
        "duplicate_is_refused",
    ),
    Wrong(
        PAGES,
        "window-function-total",
        (("        count_with_window_function=False,\n", ""),),
        "past_the_end",
    ),
    Wrong(
        PAGES,
        "unbounded-page",
        (
            ("Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)]", "FromQuery[int]"),
            ("JSONBody, QueryParameter", "FromQuery, JSONBody, QueryParameter"),
        ),
        "bounds",
    ),
    Wrong(
        REMOVE,
        "unbounded-id",
        (
            (
                "async def remove_product(\n    product_id: ProductId,",
                "async def remove_product(\n    product_id: FromPath[int],",
            ),
            (
                "from litestar.params import JSONBody",
                "from litestar.params import FromPath, JSONBody",
            ),
        ),
        "bounds_the_id",
    ),
]

test_a_wrong_solution_fails_its_check = wrong_solution_tests("l13_databases", WRONG)
