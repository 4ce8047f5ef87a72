"""Checks for lesson 11, exercise 2: shape the docs."""

from typing import Any

from lessons.kit import CheckFailed, Checks, Client

checks = Checks()

SCHEMA = "GET /schema/openapi.json"


def document(client: Client) -> dict[str, Any]:
    body: dict[str, Any] = client.get("/schema/openapi.json").expect(200).json()
    return body


def operation(client: Client, path: str) -> dict[str, Any]:
    paths = document(client)["paths"]
    if path not in paths:
        raise CheckFailed(
            request=SCHEMA,
            expected=f"{path} in paths",
            received=f"paths {sorted(paths)}",
            nudge="hiding a route from the document is not the same as removing it",
        )
    found: dict[str, Any] = paths[path]["get"]
    return found


def expect_fields(client: Client, path: str, wanted: dict[str, Any], nudge: str) -> None:
    found = operation(client, path)
    received = {key: found.get(key) for key in wanted}
    if received != wanted:
        raise CheckFailed(
            request=f"{SCHEMA}, GET {path}",
            expected=f"{wanted}",
            received=f"{received}",
            nudge=nudge,
        )


@checks.add(
    "every route still answers 200",
    passes_on_start="the routes work already; this check makes sure they still do",
)
def routes_still_answer(client: Client) -> None:
    client.get("/products").expect(200)
    client.get("/products/search", params={"q": "tea"}).expect(200)
    client.get("/find", params={"q": "tea"}).expect(200)
    client.get("/metrics").expect(200, json={"products": 2})


@checks.add("the tags products and search are declared, each with a description")
def tags_are_declared(client: Client) -> None:
    tags = document(client).get("tags") or []
    names = [tag.get("name") for tag in tags]
    described = all(tag.get("description") for tag in tags)
    if sorted(names) != ["products", "search"] or not described:
        raise CheckFailed(
            request=SCHEMA,
            expected="tags products and search, each with a description",
            received=f"tags {tags}",
            nudge="tags=[...] on a decorator uses a tag; the config's tags declare them",
        )


@checks.add("GET /products is tagged products")
def products_are_tagged(client: Client) -> None:
    expect_fields(client, "/products", {"tags": ["products"]}, nudge="a handler joins a group")


@checks.add("the search is tagged search, named searchProducts, summed up")
def search_is_documented(client: Client) -> None:
    expect_fields(
        client,
        "/products/search",
        {"tags": ["search"], "operationId": "searchProducts", "summary": "Search the shop"},
        nudge="the decorator takes the tags, the operation id and the summary",
    )


@checks.add("the old search is tagged search and deprecated")
def old_search_is_deprecated(client: Client) -> None:
    expect_fields(
        client,
        "/find",
        {"tags": ["search"], "deprecated": True},
        nudge="deprecated is a mark in the document; the route must stay",
    )


@checks.add("/metrics is not in the document", needs=routes_still_answer)
def metrics_are_hidden(client: Client) -> None:
    paths = document(client)["paths"]
    if "/metrics" in paths:
        raise CheckFailed(
            request=SCHEMA,
            expected="no /metrics in paths",
            received=f"paths {sorted(paths)}",
            nudge="a decorator argument leaves a route out of the schema",
        )
