"""Structural checks of an OpenAPI 3.1 document, written out so no validator package is needed.

They cover the mistakes that make generated clients and documentation UIs break: a `$ref`
that points nowhere, two operations with one operationId, a path parameter the template has
but the operation does not declare (or the other way round), a response without a
description, and a tag an operation uses that the document never declares.
"""

import re
from collections.abc import Iterator
from typing import Any

HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
STATUS_KEY = re.compile(r"^(default|[1-5]\d\d|[1-5]XX)$")
PARAMETER_LOCATIONS = {"query", "header", "path", "cookie"}


def references(node: Any) -> Iterator[str]:
    """Every `$ref` value anywhere in the document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from references(value)
    elif isinstance(node, list):
        for item in node:
            yield from references(item)


def resolves(document: dict[str, Any], reference: str) -> bool:
    """Whether a local JSON pointer such as `#/components/schemas/Book` points at something."""
    if not reference.startswith("#/"):
        return False
    node: Any = document
    for escaped in reference[2:].split("/"):
        key = escaped.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or key not in node:
            return False
        node = node[key]
    return True


def operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(path, method, operation) for every operation in the document."""
    for path, path_item in document.get("paths", {}).items():
        for method, operation in path_item.items():
            if method in HTTP_METHODS:
                yield path, method, operation


def parameter_problems(where: str, path: str, parameters: list[dict[str, Any]]) -> list[str]:
    found = []
    seen = [(parameter["name"], parameter["in"]) for parameter in parameters]
    if len(seen) != len(set(seen)):
        found.append(f"{where}: a parameter is declared twice")
    for name, location in seen:
        if location not in PARAMETER_LOCATIONS:
            found.append(f"{where}: parameter {name!r} is in {location!r}")
    for parameter in parameters:
        if parameter["in"] == "path" and parameter.get("required") is not True:
            found.append(f"{where}: path parameter {parameter['name']!r} must be required")
    in_path = sorted(parameter["name"] for parameter in parameters if parameter["in"] == "path")
    in_template = sorted(set(re.findall(r"{([^}]+)}", path)))
    if in_path != in_template:
        found.append(f"{where}: path parameters {in_path} != template {in_template}")
    return found


def response_problems(where: str, responses: dict[str, Any]) -> list[str]:
    found = [] if responses else [f"{where}: no responses"]
    for status, response in responses.items():
        if not STATUS_KEY.match(status):
            found.append(f"{where}: response key {status!r} is not a status code")
        if not isinstance(response.get("description"), str):
            found.append(f"{where}: response {status} has no description")
    return found


def problems(document: dict[str, Any]) -> list[str]:
    """Everything structurally wrong with the document; an empty list means none was found."""
    found: list[str] = []
    if not str(document.get("openapi", "")).startswith("3.1."):
        found.append(f"openapi is {document.get('openapi')!r}, not 3.1.x")
    info = document.get("info", {})
    if not (isinstance(info.get("title"), str) and isinstance(info.get("version"), str)):
        found.append("info needs a title and a version")
    found.extend(
        f"path {path!r} does not start with /"
        for path in document.get("paths", {})
        if not path.startswith("/")
    )
    declared_tags = {tag["name"] for tag in document.get("tags") or []}
    first_use: dict[str, str] = {}

    for path, method, operation in operations(document):
        where = f"{method.upper()} {path}"
        operation_id = operation.get("operationId")
        if operation_id in first_use:
            found.append(f"{where}: operationId {operation_id!r} repeats {first_use[operation_id]}")
        elif operation_id is not None:
            first_use[operation_id] = where
        found.extend(parameter_problems(where, path, operation.get("parameters", [])))
        found.extend(response_problems(where, operation.get("responses") or {}))
        if undeclared := sorted(set(operation.get("tags") or []) - declared_tags):
            found.append(f"{where}: tags {undeclared} are not declared")

    found.extend(
        f"$ref {reference!r} resolves to nothing"
        for reference in sorted(set(references(document)))
        if not resolves(document, reference)
    )
    return found
