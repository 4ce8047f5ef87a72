"""Form posts and file uploads."""

# --8<-- [start:app]
from typing import Annotated

import msgspec
from litestar import Litestar, post
from litestar.datastructures import UploadFile
from litestar.params import MultipartBody, URLEncodedBody


# --8<-- [start:form]
class Review(msgspec.Struct, forbid_unknown_fields=True):
    reviewer: Annotated[str, msgspec.Meta(min_length=1, max_length=50)]
    stars: Annotated[int, msgspec.Meta(ge=1, le=5)]  # form values arrive as text, "4" becomes 4


# An HTML <form method="post"> sends application/x-www-form-urlencoded.
@post("/reviews")
async def post_review(data: URLEncodedBody[Review]) -> Review:
    return data


# --8<-- [end:form]


# --8<-- [start:upload]
class CoverUpload(msgspec.Struct):
    book_id: int
    image: UploadFile  # the file part; the other parts are plain form fields


class CoverReceived(msgspec.Struct):
    book_id: int
    filename: str
    content_type: str
    size: int


# A form with a file in it is multipart/form-data.
@post("/covers")
async def upload_cover(data: MultipartBody[CoverUpload]) -> CoverReceived:
    content = await data.image.read()  # UploadFile reads asynchronously
    return CoverReceived(
        book_id=data.book_id,
        filename=data.image.filename,
        content_type=data.image.content_type,
        size=len(content),
    )


# --8<-- [end:upload]
app = Litestar(route_handlers=[post_review, upload_cover])
# --8<-- [end:app]
