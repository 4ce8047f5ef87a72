"""An allow-list of fields, renamed to camelCase on the wire."""

# --8<-- [start:app]
import secrets

from litestar import Litestar, get, post
from litestar.dto import DataclassDTO, DTOConfig, DTOData
from litestar.params import FromPath, JSONBody

from lessons.l08_dtos.users import USERS, User, find_user, hash_password, next_user_id


# --8<-- [start:dtos]
class PublicProfileDTO(DataclassDTO[User]):
    # `include` is an allow-list: a field added to User later (a phone number,
    # an admin flag) stays private until someone names it here.
    config = DTOConfig(
        include={"id", "username", "display_name"},
        rename_strategy="camel",  # display_name travels as displayName
        rename_fields={"username": "handle"},  # an explicit name beats the strategy
    )


class SignupDTO(DataclassDTO[User]):
    # Renaming works both ways: the client sends displayName, the model gets display_name.
    config = DTOConfig(
        include={"username", "email", "display_name"},
        rename_strategy="camel",
        rename_fields={"username": "handle"},
    )


# --8<-- [end:dtos]


@get("/profiles/{user_id:int}", return_dto=PublicProfileDTO)
async def get_profile(user_id: FromPath[int]) -> User:
    return find_user(user_id)


@post("/profiles", dto=SignupDTO, return_dto=PublicProfileDTO)
async def sign_up(data: JSONBody[DTOData[User]]) -> User:
    user = data.create_instance(
        id=next_user_id(), password_hash=hash_password(secrets.token_urlsafe(32))
    )
    USERS[user.id] = user
    return user


app = Litestar(route_handlers=[get_profile, sign_up])
# --8<-- [end:app]
