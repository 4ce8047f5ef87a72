"""Checks for lesson 17, exercise 1: freeze the clock."""

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from litestar import Litestar
from litestar.testing import TestClient

from lessons.kit import CheckFailed, Checks, Client, Reply

checks = Checks()

DUNE = {"id": 1, "title": "Dune", "due": "2026-01-15"}


def build(client: Client, today: Callable[[], date], shown: str) -> Litestar:
    """The learner's create_app(today=...), or a failure that says why not."""
    create_app: Any = getattr(client.module, "create_app", None)
    request = f"create_app(today={shown})"
    try:
        app = create_app(today=today)
    except TypeError as error:
        raise CheckFailed(
            request=request,
            expected="a Litestar app",
            received=f"TypeError: {error}",
            nudge="create_app needs a parameter called today",
        ) from None
    return app  # type: ignore[no-any-return]


def get_loan(test_client: TestClient[Litestar], on: str) -> Reply:
    return Reply(f"GET /loans/1 (today is {on})", test_client.get("/loans/1"))


@checks.add("create_app(today=...) builds an app")
def factory_takes_today(client: Client) -> None:
    build(client, lambda: date(2026, 1, 10), "lambda: date(2026, 1, 10)")


@checks.add(
    "on 2026-01-10, loan 1 (due 2026-01-15) is not overdue",
    needs=factory_takes_today,
)
def uses_the_given_day(client: Client) -> None:
    app = build(client, lambda: date(2026, 1, 10), "lambda: date(2026, 1, 10)")
    with TestClient(app) as test_client:
        get_loan(test_client, "2026-01-10").expect(
            200,
            json={**DUNE, "overdue": False},
            nudge="the app must ask the function it was given, not the real clock",
        )


@checks.add(
    "the same app, when its clock moves on to 2026-01-16, says loan 1 is overdue",
    needs=uses_the_given_day,
)
def asks_on_every_request(client: Client) -> None:
    days = [date(2026, 1, 10)]
    app = build(client, lambda: days[-1], "a clock the check moves on")
    with TestClient(app) as test_client:
        get_loan(test_client, "2026-01-10").expect(200, json={**DUNE, "overdue": False})
        days.append(date(2026, 1, 16))
        get_loan(test_client, "2026-01-16").expect(
            200,
            json={**DUNE, "overdue": True},
            nudge="call today() in the provider, on every request, not once in create_app",
        )


@checks.add(
    "the module's app still runs on the real clock",
    passes_on_start="the start already uses the real date; this check keeps it so",
)
def default_is_the_real_clock(client: Client) -> None:
    client.get("/loans/2").expect(
        200, json_has={"id": 2, "overdue": datetime.now(UTC).date() > date(2026, 2, 3)}
    )


@checks.add(
    "GET /loans/9, a loan nobody has, is 404",
    passes_on_start="the lookup already answers 404; this check keeps it so",
)
def unknown_loan_is_404(client: Client) -> None:
    client.get("/loans/9").expect(404)
