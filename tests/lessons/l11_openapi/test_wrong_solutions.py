"""Lesson 11: the likely wrong answers to each exercise, and the check that rejects each."""

from tests.lessons.wrong_solutions import Wrong, wrong_solution_tests

NOT_FOUND = "e01_document_the_404"
SHAPE = "e02_shape_the_docs"
ADD = "e03_add_a_product"
RESPONSES_START = "    responses={\n"
RESPONSES_END = "    },\n)\n"
MADE_UP = (
    "            generate_examples=False,  # otherwise ErrorBody gains random made-up examples\n"
)

WRONG = [
    Wrong(
        NOT_FOUND,
        "raises-instead-of-a-response-spec",
        (
            ("    # The schema cannot see the raise below: the 404 is documented here.\n", ""),
            (RESPONSES_START, "    raises=[NotFoundException],\n    responses={  # unused\n"),
            ("        404: ResponseSpec(", "        999: ResponseSpec("),
        ),
        "documents_the_404",
    ),
    Wrong(NOT_FOUND, "examples-made-up", ((MADE_UP, ""),), "has_a_real_example"),
    Wrong(
        NOT_FOUND,
        "no-example",
        (('value={"status_code": 404, "detail": "No product with id 99"}', "value={}"),),
        "has_a_real_example",
    ),
    Wrong(
        NOT_FOUND,
        "default-operation-id",
        (('    operation_id="getProduct",', "   "),),
        "has_a_stable_operation_id",
    ),
    Wrong(
        SHAPE,
        "tags-without-descriptions",
        (
            ('Tag(name="products", description="What the shop sells")', 'Tag(name="products")'),
            ('Tag(name="search", description="Find products by name")', 'Tag(name="search")'),
        ),
        "tags_are_declared",
    ),
    Wrong(
        SHAPE,
        "old-search-hidden",
        (
            (
                '@get("/find", tags=["search"], deprecated=True)',
                '@get("/find", include_in_schema=False)',
            ),
        ),
        "old_search_is_deprecated",
    ),
    Wrong(
        SHAPE,
        "metrics-removed",
        (("search_products, old_search, metrics]", "search_products, old_search]"),),
        "routes_still_answer",
    ),
    Wrong(
        ADD,
        "raise-not-declared",
        (("    raises=[DuplicateSkuError],", "   "),),
        "documents_the_operation",
    ),
    Wrong(
        ADD,
        "duplicate-answered-400",
        (
            (
                'raise DuplicateSkuError(f"SKU {data.sku} is taken")',
                'raise ClientException("taken")',
            ),
        ),
        "refuses_duplicates",
    ),
    Wrong(
        ADD,
        "body-not-described",
        (('description="The product to add",', ""),),
        "documents_the_body",
    ),
]

test_a_wrong_solution_fails_its_check = wrong_solution_tests("l11_openapi", WRONG)
