"""Checks for lesson 21, exercise 3: depot settings."""

import contextlib
import io

from lessons.kit import CheckFailed, Checks, Client
from lessons.l21_deployment.exercises.support import client_for, environment

checks = Checks()
TOKEN = "depot-token-for-the-checks-only-0123456789"  # noqa: S105 - a made-up token
SHORT_TOKEN = "short-secret"  # noqa: S105 - the too-short one the contract names


def load_with(client: Client, **variables: str) -> tuple[object, int | str | None, str]:
    """Call the learner's load_settings() with these variables: (settings, exit code, stderr)."""
    shown = " ".join(f"{name}={value}" for name, value in variables.items()) or "no variables"
    errors = io.StringIO()
    with environment(**variables), contextlib.redirect_stderr(errors):
        try:
            return client.module.load_settings(), None, errors.getvalue()
        except SystemExit as stopped:
            return None, stopped.code, errors.getvalue()
        except Exception as error:  # noqa: BLE001 - whatever it raised, the operator saw a traceback
            raise CheckFailed(
                request=f"load_settings() with {shown}",
                expected="settings, or one line per bad value and exit status 2",
                received=f"{type(error).__name__} raised: a traceback, not a message",
                nudge="catch pydantic's ValidationError in load_settings",
            ) from None


@checks.add(
    "without DEPOT_ variables, GET /about is {'region': 'eu', 'page_size': 20}",
    passes_on_start="the defaults already work: keep them",
)
def defaults(client: Client) -> None:
    client.get("/about").expect(200, json={"region": "eu", "page_size": 20})


@checks.add("DEPOT_REGION=us DEPOT_PAGE_SIZE=50 gives GET /about those values", needs=defaults)
def reads_the_environment(client: Client) -> None:
    settings, code, _ = load_with(client, DEPOT_REGION="us", DEPOT_PAGE_SIZE="50")
    if code is not None:
        raise CheckFailed(
            request="load_settings() with DEPOT_REGION=us DEPOT_PAGE_SIZE=50",
            expected="settings",
            received=f"exit status {code}",
        )
    context = "with DEPOT_REGION=us DEPOT_PAGE_SIZE=50"
    with client_for(client.module.create_app(settings), context) as other:
        other.get("/about").expect(
            200,
            json={"region": "us", "page_size": 50},
            nudge="a BaseSettings class with env_prefix reads DEPOT_REGION into region",
        )


def expect_refused(client: Client, variables: dict[str, str], names: list[str]) -> str:
    """load_settings() exits 2 with one line per bad variable, each starting with its name."""
    shown = " ".join(f"{name}={value}" for name, value in variables.items())
    _, code, errors = load_with(client, **variables)
    lines = errors.splitlines()
    starts = sorted(line.split(":")[0] for line in lines)
    if code != 2 or starts != sorted(names):
        raise CheckFailed(
            request=f"load_settings() with {shown}",
            expected=f"exit status 2 and one line each starting {', '.join(names)}:",
            received=f"exit status {code}, lines {lines}",
            nudge="one line per error of the ValidationError, named by its field, then exit 2",
        )
    return errors


@checks.add(
    "DEPOT_REGION=mars DEPOT_PAGE_SIZE=500: exit status 2, one line naming each variable",
    needs=reads_the_environment,
)
def refuses_bad_values(client: Client) -> None:
    expect_refused(
        client,
        {"DEPOT_REGION": "mars", "DEPOT_PAGE_SIZE": "500"},
        ["DEPOT_PAGE_SIZE", "DEPOT_REGION"],
    )


@checks.add(
    "a DEPOT_API_TOKEN under 32 characters is refused, and never shown",
    needs=refuses_bad_values,
)
def keeps_the_token_secret(client: Client) -> None:
    errors = expect_refused(client, {"DEPOT_API_TOKEN": SHORT_TOKEN}, ["DEPOT_API_TOKEN"])
    settings, _, _ = load_with(client, DEPOT_API_TOKEN=TOKEN)
    if SHORT_TOKEN in errors or TOKEN in repr(settings):
        raise CheckFailed(
            request=f"load_settings() with DEPOT_API_TOKEN={SHORT_TOKEN}, then a good token",
            expected="neither token in the message nor in repr(settings)",
            received=errors.strip() if SHORT_TOKEN in errors else repr(settings),
            nudge="SecretStr hides a value; errors(include_input=False) leaves it out",
        )
