"""Reviews from an HTML form: the same model, read from another kind of body."""

from typing import Annotated

import msgspec
from litestar import Litestar, post
from litestar.params import URLEncodedBody


class Review(msgspec.Struct, forbid_unknown_fields=True):
    reviewer: Annotated[str, msgspec.Meta(min_length=1, max_length=50)]
    # Form values arrive as text; the annotation turns "4" into 4, then checks 1 to 5.
    stars: Annotated[int, msgspec.Meta(ge=1, le=5)]


# The marker says which content type the body has: an HTML <form method="post"> sends
# application/x-www-form-urlencoded.
@post("/reviews")
async def post_review(data: URLEncodedBody[Review]) -> Review:
    return data


app = Litestar(route_handlers=[post_review])
