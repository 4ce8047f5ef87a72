"""Lesson 05: the likely wrong answers to each exercise, and the check that rejects each."""

from tests.lessons.wrong_solutions import Wrong, wrong_solution_tests

SEE_OTHER = "e01_see_other"
COOKIE = "e02_basket_cookie"
ETAGS = "e03_not_modified"

SENT_303 = 'Redirect("/basket", status_code=HTTP_303_SEE_OTHER)'
DOCUMENTED_303 = '@post("/basket/items", status_code=HTTP_303_SEE_OTHER)'

WRONG = [
    # The status only on the decorator: Redirect still sends its default, 302.
    Wrong(
        SEE_OTHER,
        "status-only-on-decorator",
        ((SENT_303, 'Redirect("/basket")'),),
        "answers_see_other",
    ),
    Wrong(
        SEE_OTHER,
        "temporary-redirect-307",
        ((SENT_303, 'Redirect("/basket", status_code=307)'),),
        "answers_see_other",
    ),
    Wrong(
        SEE_OTHER,
        "moved-permanently-301",
        ((SENT_303, 'Redirect("/basket", status_code=301)'),),
        "answers_see_other",
    ),
    # The status only on Redirect: the right answer, but /schema still promises a 201.
    Wrong(
        SEE_OTHER,
        "status-only-on-redirect",
        ((DOCUMENTED_303, '@post("/basket/items")'),),
        "documents_the_redirect",
    ),
    Wrong(
        SEE_OTHER,
        "redirect-to-the-item",
        ((SENT_303, 'Redirect("/basket/items", status_code=HTTP_303_SEE_OTHER)'),),
        "points_at_the_basket",
    ),
    Wrong(
        COOKIE,
        "cookie-and-body-disagree",
        (('Response({"basket": basket_id}', 'Response({"basket": "new"}'),),
        "basket_works",
    ),
    Wrong(COOKIE, "no-httponly", (("        httponly=True,\n", ""),), "http_only"),
    Wrong(COOKIE, "no-secure", (("        secure=True,\n", ""),), "secure"),
    Wrong(COOKIE, "samesite-none", (('samesite="lax"', 'samesite="none"'),), "same_site"),
    Wrong(COOKIE, "max-age-in-days", (("max_age=SEVEN_DAYS", "max_age=7"),), "lifetime"),
    Wrong(
        COOKIE, "expires-not-max-age", (("max_age=SEVEN_DAYS", "expires=SEVEN_DAYS"),), "lifetime"
    ),
    Wrong(
        COOKIE,
        "cookie-not-deleted",
        (('    response.delete_cookie("basket")', "    pass"),),
        "forgets",
    ),
    Wrong(
        COOKIE,
        "emptied-not-expired",
        (('    response.delete_cookie("basket")', '    response.set_cookie("basket", "")'),),
        "forgets",
    ),
    Wrong(
        COOKIE,
        "deleted-on-another-path",
        (('response.delete_cookie("basket")', 'response.delete_cookie("basket", path="/basket")'),),
        "forgets",
    ),
    # Comparing the header as one string: fine until a proxy weakens the tag, or a list comes.
    Wrong(
        ETAGS,
        "exact-string-compare",
        (("matches(if_none_match, etag)", "if_none_match == etag.to_header()"),),
        "weak_comparison",
    ),
    Wrong(
        ETAGS,
        "fixed-etag",
        (
            (
                "ETag(value=hashlib.sha256(msgspec.json.encode(PRODUCTS[sku])).hexdigest()[:16])",
                'ETag(value="v1")',
            ),
        ),
        "changes_with_the_product",
    ),
    Wrong(
        ETAGS,
        "random-etag",
        (
            (
                "hashlib.sha256(msgspec.json.encode(PRODUCTS[sku])).hexdigest()[:16]",
                "secrets.token_hex(8)",
            ),
            ("import hashlib\n", "import hashlib\nimport secrets\n"),
        ),
        "stable",
    ),
    Wrong(
        ETAGS,
        "star-not-handled",
        (('    if if_none_match.strip() == "*":\n        return True\n', ""),),
        "weak_comparison",
    ),
    Wrong(
        ETAGS,
        "any-if-none-match-is-304",
        (("if if_none_match is not None and matches(if_none_match, etag):", "if if_none_match:"),),
        "other_tag_is_modified",
    ),
    Wrong(
        ETAGS,
        "304-without-etag",
        (("Response(None, status_code=304, headers=headers)", "Response(None, status_code=304)"),),
        "not_modified",
    ),
    Wrong(
        ETAGS,
        "unquoted-etag",
        (('headers = {"ETag": etag.to_header()}', 'headers = {"ETag": etag.value or ""}'),),
        "sends_an_etag",
    ),
]

test_a_wrong_solution_fails_its_check = wrong_solution_tests("l05_responses", WRONG)
