"""Sign up a library member: a model that refuses what the library cannot accept."""

from typing import Annotated

import msgspec
from litestar import Litestar, get, post
from litestar.params import JSONBody


# The model is the contract: Litestar validates the body against it before the handler
# runs, so a refused member never reaches MEMBERS.
class Member(msgspec.Struct, forbid_unknown_fields=True):  # a misspelt field is an error
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
    age: Annotated[int, msgspec.Meta(ge=16, le=120)]  # ge: 16 itself is allowed
    newsletter: bool = False


MEMBERS: list[Member] = []


@post("/members")
async def sign_up(data: JSONBody[Member]) -> Member:
    MEMBERS.append(data)
    return data


@get("/members")
async def list_members() -> list[Member]:
    return MEMBERS


app = Litestar(route_handlers=[sign_up, list_members])
