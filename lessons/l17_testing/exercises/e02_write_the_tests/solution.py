"""Write the tests: two tests that catch a broken basket.

The shop's basket API is done; the tests are yours. Each test gets a client for an app
(opened with `with`), and must pass on this app and fail on a broken one.
"""

from typing import Annotated

import msgspec
from litestar import Litestar, get, post
from litestar.params import JSONBody
from litestar.testing import TestClient


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


def test_an_added_item_is_in_the_basket(client: TestClient[Litestar]) -> None:
    added = client.post("/basket/items", json={"sku": "green-tea", "quantity": 2})
    basket = client.get("/basket")

    assert added.status_code == 201
    # Read it back: a 201 alone does not say the item was kept, or kept as sent.
    assert basket.json() == [{"sku": "green-tea", "quantity": 2}]


def test_a_quantity_of_zero_is_refused(client: TestClient[Litestar]) -> None:
    refused = client.post("/basket/items", json={"sku": "green-tea", "quantity": 0})

    assert refused.status_code == 400
    # Refused means nothing was stored, too.
    assert client.get("/basket").json() == []
