"""Sign up a library member: a model that refuses what the library cannot accept.

Your task (the whole contract is in task.md, or on the lesson page):
POST /members must refuse, with a 400, an empty or too long name, an age under 16
or over 120, and any field the model does not have. Good members are stored.
"""

import msgspec
from litestar import Litestar, get, post
from litestar.params import JSONBody


# TODO: put the limits from the task on these fields, and refuse unknown fields.
class Member(msgspec.Struct):
    name: str
    age: int
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
