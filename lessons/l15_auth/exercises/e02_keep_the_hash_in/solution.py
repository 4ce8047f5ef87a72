"""Keep the hash in: a shop's accounts that give nothing away.

Every response is a PublicCustomer, which has no hash field; an unknown name and a wrong
password get the same 401, after the same argon2 work.
"""

from typing import Annotated

import msgspec
from anyio import to_thread
from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError
from litestar import Litestar, get, post
from litestar.exceptions import ClientException, NotAuthorizedException, NotFoundException
from litestar.params import FromPath, JSONBody

# Exercise only: argon2's weakest parameters, so the checks run in microseconds.
# A real shop keeps PasswordHasher()'s defaults, as the lesson does.
HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
# One message for both failures: a different one would tell anyone which names exist.
INVALID_CREDENTIALS = "Invalid username or password"


class Credentials(msgspec.Struct, forbid_unknown_fields=True):
    username: Annotated[str, msgspec.Meta(min_length=3, max_length=32, pattern="^[a-z0-9_]+$")]
    password: Annotated[str, msgspec.Meta(min_length=12, max_length=128)]


class Customer(msgspec.Struct):
    username: str
    password_hash: str


class PublicCustomer(msgspec.Struct):
    """What a client may see: a type with no hash field cannot leak one."""

    username: str


CUSTOMERS: dict[str, Customer] = {}


@post("/register")
async def register(data: JSONBody[Credentials]) -> PublicCustomer:
    password_hash = await to_thread.run_sync(HASHER.hash, data.password)
    if data.username in CUSTOMERS:
        raise ClientException(status_code=409, detail="That username is taken")
    CUSTOMERS[data.username] = Customer(data.username, password_hash)
    return PublicCustomer(data.username)


@post("/login", status_code=200)
async def login(data: JSONBody[Credentials]) -> PublicCustomer:
    customer = CUSTOMERS.get(data.username)
    if customer is None:
        # Hash anyway, so an unknown name costs as much as a wrong password.
        await to_thread.run_sync(HASHER.hash, data.password)
        raise NotAuthorizedException(INVALID_CREDENTIALS)
    try:
        await to_thread.run_sync(HASHER.verify, customer.password_hash, data.password)
    except VerifyMismatchError:
        raise NotAuthorizedException(INVALID_CREDENTIALS) from None
    return PublicCustomer(customer.username)


@get("/customers/{username:str}")
async def show_customer(username: FromPath[str]) -> PublicCustomer:
    customer = CUSTOMERS.get(username)
    if customer is None:
        raise NotFoundException("No such customer")
    return PublicCustomer(customer.username)


app = Litestar(route_handlers=[register, login, show_customer])
