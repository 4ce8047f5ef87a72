"""A write DTO, and DTOData to fill in the fields the client may not send."""

# --8<-- [start:app]
import secrets

from litestar import Litestar, post
from litestar.dto import DataclassDTO, DTOConfig, DTOData
from litestar.params import JSONBody

from lessons.l08_dtos.users import USERS, User, UserReadDTO, hash_password, next_user_id


# --8<-- [start:dto]
class UserCreateDTO(DataclassDTO[User]):
    # The server owns these two: a client cannot send them, and the schema
    # does not mention them.
    config = DTOConfig(exclude={"id", "password_hash"})


# --8<-- [end:dto]


# --8<-- [start:handler]
@post("/users", dto=UserCreateDTO, return_dto=UserReadDTO)
async def create_user(data: JSONBody[DTOData[User]]) -> User:
    # DTOData holds the validated fields, not a User: a User needs `id` and
    # `password_hash`, which the request cannot contain. The server supplies them.
    user = data.create_instance(
        id=next_user_id(),
        # A new account gets a random password nobody knows; its owner sets
        # one through a reset link (not part of this lesson).
        password_hash=hash_password(secrets.token_urlsafe(32)),
    )
    USERS[user.id] = user
    return user


# --8<-- [end:handler]
app = Litestar(route_handlers=[create_user])
# --8<-- [end:app]
