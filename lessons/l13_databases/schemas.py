"""What clients send and receive: plain msgspec structs, separate from the table."""

# --8<-- [start:schemas]
from typing import Annotated

import msgspec
from litestar.params import PathParameter

# SQLite keeps an INTEGER id in 64 signed bits. A bigger number in the URL would make the
# driver raise OverflowError, a 500; with the bounds on the parameter it is a 400 instead.
BookId = Annotated[int, PathParameter(ge=1, le=2**63 - 1)]
Title = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
Author = Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
# The lengths matter: `$` also matches before a final newline, so the pattern alone
# would let "9780441172719\n" through (lesson 17 shows hypothesis finding this).
Isbn = Annotated[
    str,
    msgspec.Meta(min_length=13, max_length=13, pattern=r"^\d{13}$", description="13 digits"),
]


class NewBook(msgspec.Struct, forbid_unknown_fields=True):
    title: Title
    author: Author
    isbn: Isbn


class BookOut(msgspec.Struct):
    id: int
    title: str
    author: str
    isbn: str


# --8<-- [end:schemas]
