"""PATCH: a partial DTO and DTOData.update_instance."""

# --8<-- [start:app]
from litestar import Litestar, patch
from litestar.dto import DataclassDTO, DTOConfig, DTOData
from litestar.params import FromPath, JSONBody

from lessons.l08_dtos.users import User, UserReadDTO, find_user


# --8<-- [start:dto]
class UserUpdateDTO(DataclassDTO[User]):
    # partial=True makes every field optional: a client sends only what changes.
    config = DTOConfig(exclude={"id", "password_hash"}, partial=True)


# --8<-- [end:dto]


# --8<-- [start:handler]
@patch("/users/{user_id:int}", dto=UserUpdateDTO, return_dto=UserReadDTO)
async def update_user(user_id: FromPath[int], data: JSONBody[DTOData[User]]) -> User:
    # Only the fields present in the request are set on the stored user.
    return data.update_instance(find_user(user_id))


# --8<-- [end:handler]
app = Litestar(route_handlers=[update_user])
# --8<-- [end:app]
