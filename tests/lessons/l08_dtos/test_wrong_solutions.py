"""Lesson 08's exercise checks reject the likeliest wrong solutions, each for its own reason."""

from pathlib import Path

import pytest

from tests.lessons.wrong_solutions import exercise, failed_checks

COST_PRICE = exercise("l08_dtos", "e01_cost_price")
NEW_PRODUCT = exercise("l08_dtos", "e02_new_product")

ALLOW_LIST = 'config = DTOConfig(include={"id", "name", "price"})'
PAGE = '@get("/products/{product_id:int}", return_dto=ProductReadDTO)'
POST = '@post("/products", dto=ProductCreateDTO, return_dto=ProductReadDTO)'
DTO_DATA = (
    "data: JSONBody[DTOData[Product]]) -> Product:\n"
    "    product = data.create_instance(id=next_product_id())"
)


@pytest.mark.parametrize(
    ("replacements", "caught_by"),
    [
        # A deny-list that forgets the supplier's address.
        ({ALLOW_LIST: 'config = DTOConfig(exclude={"cost_price"})'}, "list_is_public"),
        # The DTO on the list only: the product page leaks, and so does its schema.
        ({PAGE: '@get("/products/{product_id:int}")'}, "schema_is_public"),
        # An allow-list without the id.
        ({ALLOW_LIST: 'config = DTOConfig(include={"name", "price"})'}, "page_is_public"),
    ],
    ids=["deny-list", "one-handler", "no-id"],
)
def test_cost_price_checks_catch(
    replacements: dict[str, str], caught_by: str, tmp_path: Path
) -> None:
    assert caught_by in failed_checks(COST_PRICE, replacements, tmp_path)


@pytest.mark.parametrize(
    ("replacements", "caught_by"),
    [
        # The body typed as the model: every create is a 400 (no id in the request).
        ({DTO_DATA: "data: JSONBody[Product]) -> Product:\n    product = data"}, "creates"),
        # No return DTO: the cost price goes back to the client.
        ({POST: '@post("/products", dto=ProductCreateDTO)'}, "creates"),
        # A 200 where a create is a 201.
        ({POST: POST.replace(")", ", status_code=200)")}, "creates"),
    ],
    ids=["model-body", "no-return-dto", "status-200"],
)
def test_new_product_checks_catch(
    replacements: dict[str, str], caught_by: str, tmp_path: Path
) -> None:
    assert caught_by in failed_checks(NEW_PRODUCT, replacements, tmp_path)
