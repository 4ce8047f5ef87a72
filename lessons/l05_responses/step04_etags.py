"""Conditional requests: an ETag, and 304 Not Modified when the client's copy is current."""

# --8<-- [start:app]
import hashlib
from typing import Annotated, Any

import msgspec
from litestar import Litestar, Response, get, put
from litestar.datastructures import ETag
from litestar.exceptions import NotFoundException
from litestar.openapi import ResponseSpec
from litestar.params import FromPath, HeaderParameter, JSONBody
from litestar.status_codes import HTTP_304_NOT_MODIFIED

from lessons.l05_responses.library import BOOKS, Book


def etag_of(book: Book) -> ETag:
    # A digest of exactly the bytes sent: any change to the book changes its tag.
    return ETag(value=hashlib.sha256(msgspec.json.encode(book)).hexdigest()[:16])


# --8<-- [start:match]
def matches(if_none_match: str, etag: ETag) -> bool:
    """RFC 9110's weak comparison: W/"x" matches "x"; the header may list tags, or be *."""
    if if_none_match.strip() == "*":
        return True
    tags = (tag.strip().removeprefix("W/") for tag in if_none_match.split(","))
    return f'"{etag.value}"' in tags


# --8<-- [end:match]
@get("/books/{book_id:int}", responses={304: ResponseSpec(None, description="Not Modified")})
async def get_book(
    book_id: FromPath[int],
    if_none_match: Annotated[str | None, HeaderParameter(name="If-None-Match")] = None,
) -> Response[Any]:
    if book_id not in BOOKS:
        raise NotFoundException(f"Book {book_id} not found")
    book = BOOKS[book_id]
    etag = etag_of(book)
    headers = {"ETag": etag.to_header()}
    if if_none_match is not None and matches(if_none_match, etag):
        # The client's copy is current: no body, only the tag it can keep using.
        return Response(None, status_code=HTTP_304_NOT_MODIFIED, headers=headers)
    return Response(book, headers=headers)


@put("/books/{book_id:int}")
async def replace_book(book_id: FromPath[int], data: JSONBody[Book]) -> Book:
    if book_id not in BOOKS:
        raise NotFoundException(f"Book {book_id} not found")
    BOOKS[book_id] = msgspec.structs.replace(data, id=book_id)
    return BOOKS[book_id]


app = Litestar(route_handlers=[get_book, replace_book])
# --8<-- [end:app]
