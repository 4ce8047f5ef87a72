"""Register and log in with passwords hashed by argon2."""

# --8<-- [start:app]
from litestar import Litestar, post
from litestar.params import JSONBody

from lessons.l15_auth.accounts import USERS, LoginForm, PublicUser, Registration


@post("/register")  # 201 Created; 409 if the name is taken
async def register(data: JSONBody[Registration]) -> PublicUser:
    user = await USERS.register(data.username, data.password)
    return PublicUser.of(user)  # the hash stays in the store


@post("/login", status_code=200)  # logging in creates nothing: 200, not POST's 201
async def login(data: JSONBody[LoginForm]) -> PublicUser:
    user = await USERS.authenticate(data.username, data.password)
    return PublicUser.of(user)


app = Litestar(route_handlers=[register, login])
# --8<-- [end:app]
