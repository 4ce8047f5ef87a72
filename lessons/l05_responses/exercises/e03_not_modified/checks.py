"""Checks for lesson 05, exercise 3: not modified."""

import re

from lessons.kit import CheckFailed, Checks, Client

checks = Checks()

PEN = {"sku": "pen", "name": "Fountain pen", "price_cents": 2400}
# An entity tag is quoted, optionally weak: "abc" or W/"abc" (RFC 9110, 8.8.3).
ENTITY_TAG = re.compile(r'(W/)?"[!#-~]+"')


def current_etag(client: Client) -> str:
    reply = client.get("/products/pen").expect(200)
    return reply.headers["etag"]


def expect_not_modified(client: Client, if_none_match: str, etag: str, nudge: str) -> None:
    # A 304 with a body cannot happen: Litestar refuses it with a 500.
    client.get("/products/pen", headers={"If-None-Match": if_none_match}).expect(
        304, headers={"etag": etag}, nudge=nudge
    )


@checks.add("GET /products/pen answers the product with a quoted ETag")
def sends_an_etag(client: Client) -> None:
    reply = client.get("/products/pen").expect(200, json=PEN)
    etag = reply.headers.get("etag", "")
    if not ENTITY_TAG.fullmatch(etag):
        raise reply.failure(
            f'an ETag header like "abc123" (got {etag or "none"})',
            nudge="an entity tag is a quoted string; ETag(value=...).to_header() quotes it",
        )


@checks.add("the ETag stays the same while the product does", needs=sends_an_etag)
def stable(client: Client) -> None:
    first, second = current_etag(client), current_etag(client)
    if first != second:
        raise CheckFailed(
            request="GET /products/pen, twice",
            expected="the same ETag both times",
            received=f"{first} then {second}",
            nudge="derive the tag from the product, not from the time or a random number",
        )


@checks.add("If-None-Match with the ETag is a 304 with the ETag and no body", needs=stable)
def not_modified(client: Client) -> None:
    etag = current_etag(client)
    expect_not_modified(client, etag, etag, nudge="compare the header with the current tag")


@checks.add('W/"…", a list of tags and * match too (the weak comparison)', needs=not_modified)
def weak_comparison(client: Client) -> None:
    etag = current_etag(client)
    nudge = "If-None-Match compares weakly: drop a W/ prefix; the header may list tags, or be *"
    expect_not_modified(client, f"W/{etag}", etag, nudge)
    expect_not_modified(client, f'"other", {etag}', etag, nudge)
    expect_not_modified(client, "*", etag, nudge)


@checks.add("another tag gets the full product", needs=sends_an_etag)
def other_tag_is_modified(client: Client) -> None:
    client.get("/products/pen", headers={"If-None-Match": '"not-this-one"'}).expect(
        200, json=PEN, nudge="only the current tag means the client's copy is current"
    )


@checks.add("after a price change the old ETag gets 200 and a new tag", needs=not_modified)
def changes_with_the_product(client: Client) -> None:
    old = current_etag(client)
    client.put("/products/pen/price", json=2600).expect(200)
    # A 200 here also means a new tag: the old one would have matched.
    client.get("/products/pen", headers={"If-None-Match": old}).expect(
        200,
        json={**PEN, "price_cents": 2600},
        nudge="the tag must change whenever the product changes",
    )


@checks.add("an unknown product is a 404", needs=sends_an_etag)
def unknown_product(client: Client) -> None:
    client.get("/products/quill", headers={"If-None-Match": "*"}).expect(
        404, nudge="check that the product exists before anything else"
    )
    client.put("/products/quill/price", json=100).expect(404)
