"""The same DTOs over a pydantic model, with PydanticDTO."""

# --8<-- [start:app]
import secrets

from litestar import Litestar, get, post
from litestar.dto import DTOConfig, DTOData
from litestar.exceptions import NotFoundException, ValidationException
from litestar.params import FromPath, JSONBody
from litestar.plugins.pydantic import PydanticDTO  # the current path (since 2.12)
from pydantic import BaseModel, Field, ValidationError

from lessons.l08_dtos.users import hash_password


class User(BaseModel):
    id: int
    username: str = Field(min_length=3, max_length=20)
    email: str
    display_name: str
    password_hash: str


USERS: dict[int, User] = {}


class UserReadDTO(PydanticDTO[User]):
    config = DTOConfig(exclude={"password_hash"})


class UserCreateDTO(PydanticDTO[User]):
    config = DTOConfig(exclude={"id", "password_hash"})


# --8<-- [start:handler]
@post("/users", dto=UserCreateDTO, return_dto=UserReadDTO)
async def create_pydantic_user(data: JSONBody[DTOData[User]]) -> User:
    try:
        # Pydantic's own rules (min_length above) run here, inside the handler.
        user = data.create_instance(
            id=max(USERS, default=0) + 1,
            password_hash=hash_password(secrets.token_urlsafe(32)),
        )
    except ValidationError as error:
        # Uncaught, this would be a 500. `include_input=False`: a model-level
        # error's input is the whole dict, password_hash included.
        errors = error.errors(include_url=False, include_context=False, include_input=False)
        raise ValidationException(extra=list(errors)) from None
    USERS[user.id] = user
    return user


# --8<-- [end:handler]


@get("/users/{user_id:int}", return_dto=UserReadDTO)
async def get_pydantic_user(user_id: FromPath[int]) -> User:
    if user_id not in USERS:
        raise NotFoundException(f"User {user_id} not found")
    return USERS[user_id]


app = Litestar(route_handlers=[create_pydantic_user, get_pydantic_user])
# --8<-- [end:app]
