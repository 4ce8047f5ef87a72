"""Members: write a small endpoint from its contract."""

from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated

import msgspec
from litestar import Litestar, get, post
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, FromQuery, JSONBody


class Tier(StrEnum):
    BASIC = "basic"
    GOLD = "gold"


class Member(msgspec.Struct, frozen=True, kw_only=True):
    id: int
    name: str
    tier: Tier
    joined_at: datetime  # aware UTC: msgspec writes it with a trailing Z


# The server owns id and joined_at: sending them is an unknown field, a 400.
class NewMember(msgspec.Struct, forbid_unknown_fields=True):
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=50)]
    tier: Tier = Tier.BASIC


MEMBERS: dict[int, Member] = {}


@post("/members")
async def add_member(data: JSONBody[NewMember]) -> Member:
    # Only a valid body gets here, so a refused one never uses up an id.
    member = Member(
        id=len(MEMBERS) + 1, name=data.name, tier=data.tier, joined_at=datetime.now(UTC)
    )
    MEMBERS[member.id] = member
    return member


@get("/members/{member_id:int}")
async def get_member(member_id: FromPath[int]) -> Member:
    if member_id not in MEMBERS:
        raise NotFoundException(f"Member {member_id} not found")
    return MEMBERS[member_id]


@get("/members")
async def list_members(tier: FromQuery[Tier | None] = None) -> list[Member]:
    return [member for member in MEMBERS.values() if tier is None or member.tier is tier]


app = Litestar(route_handlers=[add_member, get_member, list_members])
