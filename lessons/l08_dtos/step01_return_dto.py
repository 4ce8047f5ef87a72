"""A return DTO keeps password_hash out of every response."""

# --8<-- [start:app]
from litestar import Litestar, get
from litestar.params import FromPath

# UserReadDTO excludes password_hash; steps 2 and 3 use it too, so it lives in users.py.
from lessons.l08_dtos.users import USERS, User, UserReadDTO, find_user


# The handlers return the full internal User; `return_dto` decides what is sent.
@get("/users", return_dto=UserReadDTO)
async def list_users() -> list[User]:
    return list(USERS.values())


@get("/users/{user_id:int}", return_dto=UserReadDTO)
async def get_user(user_id: FromPath[int]) -> User:
    return find_user(user_id)


app = Litestar(route_handlers=[list_users, get_user])
# --8<-- [end:app]
