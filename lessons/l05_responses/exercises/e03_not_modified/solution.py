"""Not modified."""

import hashlib
from typing import Annotated, Any

import msgspec
from litestar import Litestar, Response, get, put
from litestar.datastructures import ETag
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, HeaderParameter, JSONBody


class Product(msgspec.Struct):
    sku: str
    name: str
    price_cents: int


PRODUCTS = {
    "pen": Product("pen", "Fountain pen", 2400),
    "ink": Product("ink", "Blue ink, 50 ml", 850),
}


@put("/products/{sku:str}/price")
async def set_price(sku: FromPath[str], data: JSONBody[int]) -> Product:
    if sku not in PRODUCTS:
        raise NotFoundException(f"No product {sku!r}")
    PRODUCTS[sku] = msgspec.structs.replace(PRODUCTS[sku], price_cents=data)
    return PRODUCTS[sku]


def matches(if_none_match: str, etag: ETag) -> bool:
    # Weak comparison (RFC 9110): W/"x" matches "x", and the header may list several tags.
    if if_none_match.strip() == "*":
        return True
    return etag.to_header() in (tag.strip().removeprefix("W/") for tag in if_none_match.split(","))


@get("/products/{sku:str}")
async def get_product(
    sku: FromPath[str],
    if_none_match: Annotated[str | None, HeaderParameter(name="If-None-Match")] = None,
) -> Response[Any]:
    if sku not in PRODUCTS:
        raise NotFoundException(f"No product {sku!r}")
    # A digest of the bytes sent: a new price is a new tag, an unchanged product keeps its own.
    etag = ETag(value=hashlib.sha256(msgspec.json.encode(PRODUCTS[sku])).hexdigest()[:16])
    headers = {"ETag": etag.to_header()}
    if if_none_match is not None and matches(if_none_match, etag):
        return Response(None, status_code=304, headers=headers)
    return Response(PRODUCTS[sku], headers=headers)


app = Litestar(route_handlers=[set_price, get_product])
