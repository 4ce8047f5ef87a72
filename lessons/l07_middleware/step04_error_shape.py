"""Exception handlers: one error shape for every 4xx and 5xx."""

# --8<-- [start:app]
import logging
from http import HTTPStatus
from typing import Annotated, Any

import msgspec
from litestar import Litestar, MediaType, Request, Response, get, post
from litestar.exceptions import (
    ClientException,
    HTTPException,
    NotFoundException,
    ValidationException,
)
from litestar.openapi import ResponseSpec
from litestar.params import FromPath, JSONBody, QueryParameter

logger = logging.getLogger(__name__)


# --8<-- [start:handlers]
class ErrorBody(msgspec.Struct):
    """Every error, whatever raised it, has exactly these four keys."""

    status: int
    error: str
    detail: str
    fields: list[Any]


def error_response(status_code: int, detail: str, fields: list[Any]) -> Response[ErrorBody]:
    body = ErrorBody(status_code, HTTPStatus(status_code).phrase, detail, fields)
    return Response(body, status_code=status_code, media_type=MediaType.JSON)


def http_error(request: Request[Any, Any, Any], exc: HTTPException) -> Response[ErrorBody]:
    # ValidationException is an HTTPException too; its `extra` lists the bad fields.
    fields = exc.extra if isinstance(exc, ValidationException) and exc.extra else []
    return error_response(exc.status_code, exc.detail, list(fields))


def unexpected_error(request: Request[Any, Any, Any], exc: Exception) -> Response[ErrorBody]:
    # The details go to the log, where we can read them; the client gets nothing to exploit.
    logger.error("Unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "Something went wrong on our side", [])


# --8<-- [end:handlers]


# --8<-- [start:documented]
def errors(*status_codes: int) -> dict[int, ResponseSpec]:
    """The schema must show the new shape too: left alone, it documents Litestar's 400 body."""
    # generate_examples=False: otherwise the docs show random strings as example errors.
    return {
        code: ResponseSpec(ErrorBody, generate_examples=False, description=HTTPStatus(code).phrase)
        for code in status_codes
    }


# --8<-- [end:documented]

STOCK = {1: 12, 2: 0}


class Reservation(msgspec.Struct):
    quantity: Annotated[int, msgspec.Meta(gt=0)]


def find_stock(product_id: int) -> int:
    if product_id not in STOCK:
        raise NotFoundException(f"No product with id {product_id}")
    return STOCK[product_id]


@get("/stock/{product_id:int}", responses=errors(400, 404))
async def stock(
    product_id: FromPath[int], warehouse: Annotated[str, QueryParameter(max_length=8)] = "main"
) -> dict[str, int | str]:
    return {"product_id": product_id, "warehouse": warehouse, "quantity": find_stock(product_id)}


@post("/stock/{product_id:int}/reserve", responses=errors(400, 404, 409, 413))
async def reserve(product_id: FromPath[int], data: JSONBody[Reservation]) -> dict[str, int]:
    if data.quantity > find_stock(product_id):
        raise ClientException(f"Only {STOCK[product_id]} left", status_code=409)
    STOCK[product_id] -= data.quantity
    return {"product_id": product_id, "left": STOCK[product_id]}


app = Litestar(
    route_handlers=[stock, reserve],
    # Keys are exception classes (the closest in the class hierarchy wins) or status codes.
    exception_handlers={HTTPException: http_error, Exception: unexpected_error},
    request_max_body_size=1024,  # bigger request bodies are refused with a 413
)
# --8<-- [end:app]
