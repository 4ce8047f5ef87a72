"""The internal user model and its in-memory store, shared by the dataclass steps."""

# --8<-- [start:model]
import hashlib
import secrets
from dataclasses import dataclass

from litestar.dto import DataclassDTO, DTOConfig
from litestar.exceptions import NotFoundException


@dataclass
class User:
    id: int
    username: str
    email: str
    display_name: str
    password_hash: str  # must never leave the server, and no client may set it


# --8<-- [end:model]


# --8<-- [start:read_dto]
class UserReadDTO(DataclassDTO[User]):
    # Every field of User goes out except the ones named here.
    config = DTOConfig(exclude={"password_hash"})


# --8<-- [end:read_dto]


# --8<-- [start:helpers]
def hash_password(password: str) -> str:
    """A salted scrypt hash, stored as `scrypt$salt$hash`."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    return f"scrypt${salt.hex()}${digest.hex()}"


# A dict stands in for a database.
USERS: dict[int, User] = {
    1: User(1, "alice", "alice@example.com", "Alice", hash_password("correct horse")),
}


def next_user_id() -> int:
    return max(USERS, default=0) + 1


def find_user(user_id: int) -> User:
    """Return the user or answer 404; a KeyError would become a 500."""
    try:
        return USERS[user_id]
    except KeyError:
        raise NotFoundException(f"User {user_id} not found") from None


# --8<-- [end:helpers]
