"""Checks for lesson 17, exercise 2: write the tests.

Each of the learner's tests runs against the shop's own app, where it must pass, and against
broken baskets, each wrong in one way a test should notice, where it must fail.
"""

from collections.abc import Callable
from typing import Annotated, Any

import msgspec
from litestar import Litestar, get, post
from litestar.exceptions import ValidationException
from litestar.params import JSONBody
from litestar.testing import TestClient

from lessons.kit import CheckFailed, Checks, Client, NotDone

checks = Checks()

TestFunction = Callable[[TestClient[Litestar]], None]
ADDED = "test_an_added_item_is_in_the_basket"
REFUSED = "test_a_quantity_of_zero_is_refused"


class LooseItem(msgspec.Struct):
    sku: str
    quantity: Annotated[int, msgspec.Meta(ge=0)]  # lets 0 through


def broken_basket(*, keeps: bool = True, quantity: int | None = None, zero: str = "") -> Litestar:
    """A basket wrong in one way: forgets items, stores another quantity, or mishandles 0."""
    basket: list[dict[str, Any]] = []

    @post("/basket/items")
    async def add_item(data: JSONBody[LooseItem]) -> LooseItem:
        if data.quantity == 0 and zero == "refuse-after-storing":
            basket.append({"sku": data.sku, "quantity": 0})
            raise ValidationException("quantity must be at least 1")
        if keeps:
            basket.append({"sku": data.sku, "quantity": quantity or data.quantity})
        return data

    @get("/basket")
    async def show_basket() -> list[dict[str, Any]]:
        return basket

    return Litestar(route_handlers=[add_item, show_basket])


def learners_test(client: Client, name: str) -> TestFunction:
    function = getattr(client.module, name, None)
    if not callable(function):  # pragma: no cover - only a learner's renamed test
        raise CheckFailed(
            request=f"look up {name} in your file",
            expected="a test function taking a client",
            received="no such function",
            nudge="keep the function's name: the checks call it by name",
        )
    test: TestFunction = function
    return test


def outcome(test: TestFunction, app: Litestar) -> BaseException | None:
    """Run one test with a client for ``app``, as pytest would: what it raised, if anything."""
    with TestClient(app) as test_client:
        try:
            test(test_client)
        except NotDone:
            raise
        except Exception as error:  # noqa: BLE001 - any error fails a test under pytest
            return error
    return None


def must_pass(client: Client, name: str) -> None:
    error = outcome(learners_test(client, name), client.module.create_app())
    if error is not None:
        raise CheckFailed(
            request=f"{name}(client for the shop's own app)",
            expected="the test passes: this basket works",
            received=f"it failed with {type(error).__name__}: {error}",
            nudge="check the contract in the task: status codes and the exact JSON",
        )


def must_fail(client: Client, name: str, app: Litestar, what: str, nudge: str) -> None:
    if outcome(learners_test(client, name), app) is None:
        raise CheckFailed(
            request=f"{name}(client for a basket that {what})",
            expected="the test fails: this basket is broken",
            received="the test passed",
            nudge=nudge,
        )


@checks.add(f"{ADDED} passes against the shop's own app")
def added_passes(client: Client) -> None:
    must_pass(client, ADDED)


@checks.add(f"{ADDED} fails against a basket that forgets what it is given", needs=added_passes)
def added_catches_forgetting(client: Client) -> None:
    must_fail(
        client,
        ADDED,
        broken_basket(keeps=False),
        "answers 201 but keeps nothing",
        "a 201 does not prove the item was stored: read the basket back",
    )


@checks.add(f"{ADDED} fails against a basket that stores another quantity", needs=added_passes)
def added_catches_wrong_quantity(client: Client) -> None:
    must_fail(
        client,
        ADDED,
        broken_basket(quantity=1),
        "stores a quantity of 1 whatever was asked",
        "compare the whole item in the basket, quantity included",
    )


@checks.add(f"{REFUSED} passes against the shop's own app")
def refused_passes(client: Client) -> None:
    must_pass(client, REFUSED)


@checks.add(f"{REFUSED} fails against a basket that accepts 0", needs=refused_passes)
def refused_catches_accepting(client: Client) -> None:
    must_fail(
        client,
        REFUSED,
        broken_basket(),
        "accepts a quantity of 0",
        "what status code must a quantity of 0 get?",
    )


@checks.add(f"{REFUSED} fails against a basket that refuses 0 but stores it", needs=refused_passes)
def refused_catches_storing(client: Client) -> None:
    must_fail(
        client,
        REFUSED,
        broken_basket(zero="refuse-after-storing"),
        "answers 400 but stores the item anyway",
        "after the 400, look at the basket",
    )
