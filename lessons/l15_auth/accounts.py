"""Users, the request bodies that carry credentials, and an in-memory user store."""

# --8<-- [start:bodies]
from typing import Annotated

import msgspec
from anyio import to_thread
from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError
from litestar.exceptions import ClientException, NotAuthorizedException

# Lower-case letters, digits and "_", 3 to 32 of them: nothing that looks like another name.
Username = Annotated[str, msgspec.Meta(min_length=3, max_length=32, pattern="^[a-z0-9_]+$")]


# forbid_unknown_fields: a body with {"role": "admin"} in it is a 400, not silently ignored.
class Registration(msgspec.Struct, forbid_unknown_fields=True):
    username: Username
    # The whole password policy is a length rule; 128 caps what one request can make us hash.
    password: Annotated[str, msgspec.Meta(min_length=12, max_length=128)]


class LoginForm(msgspec.Struct, forbid_unknown_fields=True):
    # Looser than Registration: a login must not reveal the rules an account was made under.
    username: Annotated[str, msgspec.Meta(min_length=1, max_length=32)]
    password: Annotated[str, msgspec.Meta(min_length=1, max_length=128)]


# --8<-- [end:bodies]


# --8<-- [start:users]
class User(msgspec.Struct):
    username: str
    password_hash: str  # never the password itself, and never sent to a client
    roles: tuple[str, ...] = ("member",)


class PublicUser(msgspec.Struct):
    """What a client may see of a user: no hash."""

    username: str
    roles: tuple[str, ...]

    @classmethod
    def of(cls, user: User) -> "PublicUser":
        return cls(username=user.username, roles=user.roles)


# --8<-- [end:users]

# --8<-- [start:store]
# One message for an unknown name and a wrong password: a different answer
# would tell anyone which usernames exist.
INVALID_CREDENTIALS = "Invalid username or password"


class UserStore:
    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        # argon2id with the library's defaults (RFC 9106's low-memory profile).
        # It is slow on purpose: each guess at a stolen hash costs an attacker as much.
        self.hasher = hasher or PasswordHasher()
        self.users: dict[str, User] = {}

    async def register(
        self, username: str, password: str, roles: tuple[str, ...] = ("member",)
    ) -> User:
        # Slow on purpose (`python -m argon2` times it on your machine): on the event loop,
        # it would stall every other request for that long. A worker thread keeps it free.
        password_hash = await to_thread.run_sync(self.hasher.hash, password)
        # No await between this check and the insert, so two requests cannot both take a name.
        if username in self.users:
            raise ClientException(status_code=409, detail=f"Username {username!r} is taken")
        user = self.users[username] = User(username, password_hash, roles)
        return user

    async def authenticate(self, username: str, password: str) -> User:
        user = self.users.get(username)
        if user is None:
            # Hash anyway, so an unknown name takes as long as a wrong password.
            await to_thread.run_sync(self.hasher.hash, password)
            raise NotAuthorizedException(INVALID_CREDENTIALS)
        try:
            # verify() recomputes the hash with the salt and parameters stored in it, and
            # compares in constant time. It raises rather than returning False.
            await to_thread.run_sync(self.hasher.verify, user.password_hash, password)
        except VerifyMismatchError:
            raise NotAuthorizedException(INVALID_CREDENTIALS) from None
        if self.hasher.check_needs_rehash(user.password_hash):
            # Made with weaker parameters than today's: upgrade it while we know the password.
            user.password_hash = await to_thread.run_sync(self.hasher.hash, password)
        return user


# A dict stands in for a database (lesson 13 shows a real one).
USERS = UserStore()
# --8<-- [end:store]
