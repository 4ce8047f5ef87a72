"""A dependency that refuses bad input with a 4xx before the handler runs."""

# --8<-- [start:app]
from dataclasses import dataclass
from typing import Annotated

from litestar import Litestar, get
from litestar.di import NamedDependency, Provide
from litestar.exceptions import NotAuthorizedException, ValidationException
from litestar.params import HeaderParameter


@dataclass(frozen=True)
class User:
    name: str


class TokenStore:
    """Maps API tokens to users; a real app would look them up in a database."""

    def __init__(self, tokens: dict[str, User]) -> None:
        self._tokens = tokens

    async def find(self, token: str) -> User | None:
        return self._tokens.get(token)


async def provide_tokens() -> TokenStore:
    return TokenStore({"alice-secret": User("alice")})


# --8<-- [start:current-user]
async def provide_current_user(
    tokens: NamedDependency[TokenStore],
    authorization: Annotated[str | None, HeaderParameter(name="Authorization")] = None,
) -> User:
    # Each failure raises an HTTP exception, so the client gets a 4xx that says
    # what to fix. An uncaught KeyError or ValueError here would be a 500.
    if authorization is None:
        raise NotAuthorizedException(
            "Send an Authorization header", headers={"WWW-Authenticate": "Bearer"}
        )
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise ValidationException("The Authorization header must look like 'Bearer <token>'")
    user = await tokens.find(token)
    if user is None:
        raise NotAuthorizedException("Unknown token", headers={"WWW-Authenticate": "Bearer"})
    return user


# --8<-- [end:current-user]


@get("/me")
async def who_am_i(current_user: NamedDependency[User]) -> User:
    return current_user  # only reached with a valid token


# Both providers live at the app layer, so a test can replace either one (step 7).
app = Litestar(
    route_handlers=[who_am_i],
    dependencies={
        "tokens": Provide(provide_tokens),
        "current_user": Provide(provide_current_user),
    },
)
# --8<-- [end:app]
