"""Reviews from an HTML form: the same model, read from another kind of body.

Your task (the whole contract is in task.md, or on the lesson page):
the shop's review page posts an HTML form, not JSON. Make POST /reviews read the form
(application/x-www-form-urlencoded) into the same Review, with the same limits.
"""

from typing import Annotated

import msgspec
from litestar import Litestar, post
from litestar.params import JSONBody


class Review(msgspec.Struct, forbid_unknown_fields=True):
    reviewer: Annotated[str, msgspec.Meta(min_length=1, max_length=50)]
    stars: Annotated[int, msgspec.Meta(ge=1, le=5)]


# TODO: this reads JSON; the review page sends a form. Change what the handler reads.
@post("/reviews")
async def post_review(data: JSONBody[Review]) -> Review:
    return data


app = Litestar(route_handlers=[post_review])
