"""Step 03: a role guard; no token is 401, the wrong role is 403, the right one is 200."""

from typing import Any

import pytest
from litestar import Litestar, get
from litestar.connection import ASGIConnection
from litestar.datastructures import State
from litestar.handlers.base import BaseRouteHandler
from litestar.testing import TestClient

from lessons.l13_auth.accounts import USERS, User
from lessons.l13_auth.step01_passwords import register
from lessons.l13_auth.step02_tokens import login, make_jwt_auth
from lessons.l13_auth.step03_roles import app, create_app
from tests.lessons.l13_auth.support import PASSWORD, record_without_tokens
from tests.transcripts import MakeTranscript


def token_for(client: TestClient[Litestar], username: str, password: str = PASSWORD) -> str:
    response = client.post("/login", json={"username": username, "password": password})
    assert response.status_code == 200
    token: str = response.json()["access_token"]
    return token


def test_401_for_who_are_you_403_for_you_may_not(transcript: MakeTranscript) -> None:
    record = transcript("l13_auth/roles")
    with TestClient(app) as client:
        client.post("/register", json={"username": "alice", "password": PASSWORD})
        token = token_for(client, "alice")
        anonymous = client.get("/admin/users")
        member = client.get("/admin/users", headers={"Authorization": f"Bearer {token}"})
        record(anonymous)
        record_without_tokens(record, member, token)

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
    record = transcript("l13_auth/roles-admin")
    monkeypatch.setenv("LESSON13_ADMIN_PASSWORD", "the admin's own long password")
    with TestClient(create_app()) as client:  # startup creates the admin
        client.post("/register", json={"username": "alice", "password": PASSWORD})
        token = token_for(client, "admin", "the admin's own long password")
        listed = client.get("/admin/users", headers={"Authorization": f"Bearer {token}"})
        record_without_tokens(record, listed, token)

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
    monkeypatch.setenv("LESSON13_ADMIN_PASSWORD", "the admin's own long password")
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


# --8<-- [start:pitfall]
def test_a_guard_that_returns_false_lets_everyone_in() -> None:
    def admins_only(connection: ASGIConnection[Any, User, Any, Any], _: BaseRouteHandler) -> bool:
        return "admin" in connection.user.roles  # False for alice, and thrown away

    @get("/admin/secrets", guards=[admins_only])  # type: ignore[list-item]
    async def secrets() -> str:
        return "the launch codes"

    jwt_auth = make_jwt_auth()
    mistaken = Litestar(
        [register, login, secrets],
        state=State({"jwt_auth": jwt_auth}),
        on_app_init=[jwt_auth.on_app_init],
    )
    with TestClient(mistaken) as client:
        client.post("/register", json={"username": "alice", "password": PASSWORD})
        token = token_for(client, "alice")
        response = client.get("/admin/secrets", headers={"Authorization": f"Bearer {token}"})

    # A guard refuses only by raising; requires_role raises PermissionDeniedException.
    assert response.status_code == 200
    assert response.text == "the launch codes"


# --8<-- [end:pitfall]
