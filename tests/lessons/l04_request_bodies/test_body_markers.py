"""Body markers: a bare `data: Model` is deprecated, and pydantic is a package of its own."""

from importlib.metadata import requires

import pytest
from litestar import Litestar, get, post
from litestar.exceptions import LitestarDeprecationWarning
from pydantic import BaseModel

from lessons.l04_request_bodies.step01_pydantic import create_book


# --8<-- [start:unmarked-pitfall]
def test_an_unmarked_data_argument_is_deprecated() -> None:
    class Item(BaseModel):
        name: str
        price: float

    @get("/items")
    async def list_items() -> list[Item]:
        return []

    @post("/items")
    async def create_item(data: Item) -> Item:  # no body marker
        return data

    with pytest.warns(LitestarDeprecationWarning, match="declared without a body marker"):
        Litestar(route_handlers=[list_items, create_item])


# --8<-- [end:unmarked-pitfall]


def test_the_marked_form_builds_without_a_warning() -> None:
    # pytest turns every warning into an error, so building is the whole check.
    assert Litestar(route_handlers=[create_book]).route_handler_method_map["/books"]


def test_litestar_standard_does_not_install_pydantic() -> None:
    standard = [req for req in requires("litestar") or [] if "extra == 'standard'" in req]
    pydantic_extra = [req for req in requires("litestar") or [] if "extra == 'pydantic'" in req]

    assert standard
    assert not any(req.startswith("pydantic") for req in standard)
    # `pip install "litestar[standard,pydantic]"` or `pip install pydantic` brings it.
    assert any(req.startswith("pydantic") for req in pydantic_extra)
