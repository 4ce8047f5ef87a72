"""Shared by the fuzz tests: how many examples, and one bounded Hypothesis run per operation."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

from hypothesis import HealthCheck, Phase, given, reject, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import Case, GenerationMode
from schemathesis.checks import CheckFunction, not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.python.asgi import shutdown_lifespans
from schemathesis.schemas import APIOperation, BaseSchema
from schemathesis.specs.openapi.checks import response_schema_conformance

# `nox -s fuzz` keeps the default (a short pass for every push); `nox -s fuzz-deep` raises it.
MAX_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "15"))
# The two things every response must satisfy, whatever the input: no 5xx, and a body that
# matches the schema the app itself publishes for that status code.
CHECKS = [not_a_server_error, response_schema_conformance]
MODES = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)

FUZZ_SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,  # timing is the machine's business, not a failure
    derandomize=True,  # the same examples every run: CI is deterministic
    database=None,  # and no example database carried between runs
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
    # Handlers that reject most generated input are exactly what negative mode is for.
    suppress_health_check=list(HealthCheck),
)


def operations(schema: BaseSchema) -> list[APIOperation[Any, Any, Any, Any]]:
    """Every operation of the schema; an operation the schema cannot describe is an error."""
    # .ok() raises for an operation the schema cannot describe: that is an error too.
    return [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]


def fuzz_operation(
    operation: APIOperation[Any, Any, Any, Any],
    mode: GenerationMode,
    *,
    headers: dict[str, str] | None = None,
    before_each: Callable[[], None] | None = None,
    fixed: Mapping[str, Any] | None = None,
    deliberate: Callable[[Case[Any]], bool] | None = None,
    timeout: float | None = None,
    checks: list[CheckFunction] | None = None,
    max_examples: int = MAX_EXAMPLES,
) -> str | None:
    """Run one bounded Hypothesis search; return the failure (shrunk) as text, or None.

    `fixed` pins parts of the request (as_strategy's path_parameters=, query=, ...);
    cases `deliberate` says are a lesson's on-purpose crash are not sent.
    """

    @settings(FUZZ_SETTINGS, max_examples=max_examples)
    @given(case=operation.as_strategy(generation_mode=mode, **(fixed or {})))
    def run(case: Case[Any]) -> None:
        if deliberate is not None and deliberate(case):
            reject()
        if before_each is not None:
            before_each()
        case.call_and_validate(headers=headers, checks=checks or CHECKS, timeout=timeout)

    try:
        run()
    except Unsatisfiable:
        if mode is GenerationMode.NEGATIVE:
            return None  # no parameter or body to get wrong: there is no invalid request
        raise
    # FailureGroup derives from BaseExceptionGroup, not Exception: name it, or it escapes.
    except (FailureGroup, Exception) as error:  # noqa: BLE001 - collected into one report
        return f"{operation.label} [{mode.value}]: {describe(error)}"
    return None


def describe(error: BaseException) -> str:
    """The error, and for a group that is not schemathesis's own report, what it holds."""
    text = f"{type(error).__name__}: {error}"
    if isinstance(error, BaseExceptionGroup) and not isinstance(error, FailureGroup):
        text += "".join(f"\n  - {describe(inner)}" for inner in error.exceptions)
    return text


def fuzz_schema(
    schema: BaseSchema,
    *,
    headers: dict[str, str] | None = None,
    before_each: Callable[[], None] | None = None,
    fixed: Mapping[str, Mapping[str, Any]] | None = None,
    deliberate: Callable[[Case[Any]], bool] | None = None,
    timeouts: Mapping[str, float] | None = None,
    checks: list[CheckFunction] | None = None,
    max_examples: int = MAX_EXAMPLES,
) -> list[str]:
    """Fuzz every operation in both modes; stop the app's lifespan afterwards.

    `fixed` maps an operation's label ("GET /files/{value}") to the parts it pins;
    `timeouts` maps the label of an endless stream to how long to read it. Only streams get
    one: on a busy machine, a deadline on ordinary requests would only make the run flaky.
    """
    timeouts = timeouts or {}
    fixed = fixed or {}
    try:
        return [
            failure
            for operation in operations(schema)
            for mode in MODES
            if (
                failure := fuzz_operation(
                    operation,
                    mode,
                    headers=headers,
                    before_each=before_each,
                    fixed=fixed.get(operation.label),
                    deliberate=deliberate,
                    timeout=timeouts.get(operation.label),
                    checks=checks,
                    max_examples=max_examples,
                )
            )
        ]
    finally:
        # Schemathesis keeps an ASGI app's lifespan running until the process exits; end it
        # now so database engines close and each app's shutdown hooks run (and can fail here).
        shutdown_lifespans()
