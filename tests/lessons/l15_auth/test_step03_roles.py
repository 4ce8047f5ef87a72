"""Step 03: a role guard; no token is 401, the wrong role is 403, the right one is 200."""

from typing import Any

import pytest
from litestar import Litestar, get
from litestar.connection import ASGIConnection
from litestar.datastructures import State
from litestar.handlers.base import BaseRouteHandler
from litestar.testing import TestClient

from lessons.l15_auth.accounts import USERS, User
from lessons.l15_auth.step01_passwords import register
from lessons.l15_auth.step02_tokens import login, make_jwt_auth
from lessons.l15_auth.step03_roles import app, create_app, requires_role
from tests.lessons.l15_auth.support import PASSWORD, record_exchange
from tests.transcripts import MakeTranscript


def token_for(client: TestClient[Litestar], username: str, password: str = PASSWORD) -> str:
    response = client.post("/login", json={"username": username, "password": password})
    assert response.status_code == 200
    token: str = response.json()["access_token"]
    return token


def test_401_for_who_are_you_403_for_you_may_not(transcript: MakeTranscript) -> None:
    record = transcript("l15_auth/roles")
    with TestClient(app) as client:
        client.post("/register", json={"username": "alice", "password": PASSWORD})
        token = token_for(client, "alice")
        anonymous = client.get("/admin/users")
        member = client.get("/admin/users", headers={"Authorization": f"Bearer {token}"})
        record_exchange(record, anonymous)
        record_exchange(record, member, token)

    assert anonymous.status_code == 401
    assert anonymous.json() == {
        "status_code": 401,
        "detail": "No JWT token found in request header",
    }
    assert member.status_code == 403
    assert member.json() == {"status_code": 403, "detail": "This needs the 'admin' role"}


def test_the_admin_from_the_environment_may_list_users(
    monkeypatch: pytest.MonkeyPatch, transcript: MakeTranscript
) -> None:
    record = transcript("l15_auth/roles-admin")
    monkeypatch.setenv("LESSON15_ADMIN_PASSWORD", "the admin's own long password")
    with TestClient(create_app()) as client:  # startup creates the admin
        record_exchange(
            record, client.post("/register", json={"username": "alice", "password": PASSWORD})
        )
        token = token_for(client, "admin", "the admin's own long password")
        listed = client.get("/admin/users", headers={"Authorization": f"Bearer {token}"})
        record_exchange(record, listed, token)

    assert listed.status_code == 200
    assert listed.json() == [
        {"username": "admin", "roles": ["admin", "member"]},
        {"username": "alice", "roles": ["member"]},
    ]


def test_without_the_variable_there_is_no_admin() -> None:
    with TestClient(create_app()):
        pass

    assert USERS.users == {}


def test_a_second_start_keeps_the_existing_admin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LESSON15_ADMIN_PASSWORD", "the admin's own long password")
    with TestClient(create_app()):
        first = USERS.users["admin"]
    with TestClient(create_app()):
        second = USERS.users["admin"]

    assert first is second


def test_registering_cannot_grant_a_role() -> None:
    with TestClient(app) as client:
        sneaky = client.post(
            "/register", json={"username": "eve", "password": PASSWORD, "roles": ["admin"]}
        )
        client.post("/register", json={"username": "eve", "password": PASSWORD})
        token = token_for(client, "eve")
        response = client.get("/admin/users", headers={"Authorization": f"Bearer {token}"})

    assert sneaky.status_code == 400
    assert response.status_code == 403


def app_with(guard: Any) -> Litestar:
    """Step 3's app, with /admin/secrets behind ``guard``."""

    @get("/admin/secrets", guards=[guard])
    async def secrets() -> str:
        return "the launch codes"

    jwt_auth = make_jwt_auth()
    return Litestar(
        [register, login, secrets],
        state=State({"jwt_auth": jwt_auth}),
        on_app_init=[jwt_auth.on_app_init],
    )


def alices_answer(app: Litestar) -> int:
    """The status alice, a member and no admin, gets from /admin/secrets."""
    with TestClient(app) as client:
        client.post("/register", json={"username": "alice", "password": PASSWORD})
        token = token_for(client, "alice")
        response = client.get("/admin/secrets", headers={"Authorization": f"Bearer {token}"})
    return response.status_code


# --8<-- [start:pitfall]
def test_a_guard_that_returns_false_lets_everyone_in() -> None:
    def admins_only(connection: ASGIConnection[Any, User, Any, Any], _: BaseRouteHandler) -> bool:
        return "admin" in connection.user.roles  # False for alice, and thrown away

    assert alices_answer(app_with(admins_only)) == 200  # in she goes
    assert alices_answer(app_with(requires_role("admin"))) == 403  # raising refuses


# --8<-- [end:pitfall]
