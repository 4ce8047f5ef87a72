"""Write the tests: two tests that catch a broken basket.

Your task (the whole contract is in task.md, or on the lesson page): the shop's basket API
is done, the tests are not. Write the two test functions at the end. The checks run each one
against this app, where it must pass, and against broken baskets, where it must fail.
"""

from typing import Annotated

import msgspec
from litestar import Litestar, get, post
from litestar.params import JSONBody
from litestar.testing import TestClient

from lessons.kit import NotDone


class Item(msgspec.Struct, forbid_unknown_fields=True):
    sku: Annotated[str, msgspec.Meta(min_length=1, max_length=20)]
    quantity: Annotated[int, msgspec.Meta(ge=1, le=99)]


def create_app() -> Litestar:
    basket: list[Item] = []  # one basket per app: every test starts empty

    @post("/basket/items")
    async def add_item(data: JSONBody[Item]) -> Item:
        basket.append(data)
        return data

    @get("/basket")
    async def show_basket() -> list[Item]:
        return basket

    return Litestar(route_handlers=[add_item, show_basket])


app = create_app()


# TODO: POST an item, then check that GET /basket shows it exactly as it was sent.
def test_an_added_item_is_in_the_basket(client: TestClient[Litestar]) -> None:
    raise NotDone("write this test")


# TODO: check that a quantity of 0 is refused with a 400, and that nothing was stored.
def test_a_quantity_of_zero_is_refused(client: TestClient[Litestar]) -> None:
    raise NotDone("write this test")
