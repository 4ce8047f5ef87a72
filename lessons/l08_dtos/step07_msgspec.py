"""The same DTOs over a msgspec Struct, with MsgspecDTO."""

# --8<-- [start:app]
import secrets
from typing import Annotated

import msgspec
from litestar import Litestar, get, post
from litestar.dto import DTOConfig, DTOData, MsgspecDTO
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, JSONBody

from lessons.l08_dtos.users import hash_password


class User(msgspec.Struct):
    id: int
    # msgspec constraints are copied into the DTO, so they are checked with the
    # request body, before the handler runs.
    username: Annotated[str, msgspec.Meta(min_length=3, max_length=20)]
    email: str
    display_name: str
    password_hash: str


USERS: dict[int, User] = {}


class UserReadDTO(MsgspecDTO[User]):
    config = DTOConfig(exclude={"password_hash"})


class UserCreateDTO(MsgspecDTO[User]):
    config = DTOConfig(exclude={"id", "password_hash"})


@post("/users", dto=UserCreateDTO, return_dto=UserReadDTO)
async def create_msgspec_user(data: JSONBody[DTOData[User]]) -> User:
    user = data.create_instance(
        id=max(USERS, default=0) + 1,
        password_hash=hash_password(secrets.token_urlsafe(32)),
    )
    USERS[user.id] = user
    return user


@get("/users/{user_id:int}", return_dto=UserReadDTO)
async def get_msgspec_user(user_id: FromPath[int]) -> User:
    if user_id not in USERS:
        raise NotFoundException(f"User {user_id} not found")
    return USERS[user_id]


app = Litestar(route_handlers=[create_msgspec_user, get_msgspec_user])
# --8<-- [end:app]
