"""Step 02: login issues a fresh session id; a planted or earlier id is dead afterwards."""

from typing import Any

import time_machine
from litestar import Litestar, Request, post
from litestar.params import JSONBody

from lessons.l15_auth.accounts import USERS, LoginForm, PublicUser
from lessons.l15_auth.step01_passwords import register
from lessons.l16_sessions import step01_sessions
from lessons.l16_sessions.step01_sessions import logout, me, session_auth
from lessons.l16_sessions.step02_fixation import app
from tests.lessons.l16_sessions.support import (
    FROZEN,
    PASSWORD,
    https_client,
    record_exchange,
    sign_in,
)
from tests.transcripts import MakeTranscript

PLANTED = "chosen-by-the-attacker"
BODY = {"username": "ada", "password": PASSWORD}


def log_in_with_planted_cookie(app: Litestar) -> tuple[str, int]:
    """Ada logs in with a cookie an attacker planted; what id does she get, and can the
    attacker, who kept the planted id, then read /me?"""
    with https_client(app) as client:
        client.post("/register", json=BODY)
        client.cookies.clear()
        login = client.post("/login", json=BODY, headers={"cookie": f"session={PLANTED}"})
        client.cookies.clear()
        attacker = client.get("/me", headers={"cookie": f"session={PLANTED}"})
    return login.cookies["session"], attacker.status_code


def test_step_1_keeps_an_id_the_client_chose(transcript: MakeTranscript) -> None:
    record = transcript("l16_sessions/fixation")
    with time_machine.travel(FROZEN, tick=False), https_client(step01_sessions.app) as client:
        record_exchange(record, client.post("/register", json=BODY))
        client.cookies.clear()
        cookie = {"cookie": f"session={PLANTED}"}
        record_exchange(record, client.post("/login", json=BODY, headers=cookie))
        client.cookies.clear()
        attacker = record_exchange(record, client.get("/me", headers=cookie))
    assert attacker.status_code == 200  # the attacker is Ada now


def test_step_2_rotates_the_id_and_the_planted_one_opens_nothing(
    transcript: MakeTranscript,
) -> None:
    record = transcript("l16_sessions/rotated")
    with time_machine.travel(FROZEN, tick=False), https_client(app) as client:
        record_exchange(record, client.post("/register", json=BODY))
        client.cookies.clear()
        cookie = {"cookie": f"session={PLANTED}"}
        login = record_exchange(record, client.post("/login", json=BODY, headers=cookie))
        client.cookies.clear()
        attacker = record_exchange(record, client.get("/me", headers=cookie))
        new = {"cookie": f"session={login.cookies['session']}"}
        ada = client.get("/me", headers=new)
    assert login.cookies["session"] != PLANTED
    assert len(login.cookies["session"]) == 64
    assert attacker.status_code == 401
    assert ada.json() == {"username": "ada", "roles": ["member"]}


def test_a_second_login_ends_the_first_session() -> None:
    with https_client(app) as client:
        first = sign_in(client)
        second = sign_in(client)  # the jar sends the first id along
        client.cookies.clear()
        old = client.get("/me", headers={"cookie": f"session={first}"})
        new = client.get("/me", headers={"cookie": f"session={second}"})
    assert first != second
    assert old.status_code == 401
    assert new.status_code == 200


def test_the_rotated_cookie_keeps_the_configured_flags() -> None:
    with https_client(app) as client:
        client.post("/register", json=BODY)
        response = client.post("/login", json=BODY)
    flags = response.headers["set-cookie"].split("; ")[1:]
    assert flags == ["HttpOnly", "Max-Age=1209600", "Path=/", "SameSite=lax", "Secure"]


def test_a_wrong_password_sets_no_session() -> None:
    with https_client(app) as client:
        client.post("/register", json=BODY)
        client.cookies.clear()
        response = client.post("/login", json={"username": "ada", "password": "wrong"})
    assert response.status_code == 401
    assert "set-cookie" not in response.headers


def test_anonymous_requests_to_open_routes_get_a_real_session_id() -> None:
    # What an attacker plants need not even be made up: any visit gets a stored id.
    with https_client(app) as client:
        response = client.post("/register", json=BODY)
        session_id = response.cookies["session"]
        stored = client.blocking_portal.call(app.stores.get("sessions").get, session_id)
    assert stored == b"{}"


# --8<-- [start:pitfall-clear]
def test_clearing_the_session_before_setting_it_does_not_rotate_the_id() -> None:
    @post("/login", status_code=200)
    async def clear_then_set(
        data: JSONBody[LoginForm], request: Request[Any, Any, Any]
    ) -> PublicUser:
        user = await USERS.authenticate(data.username, data.password)
        request.clear_session()  # looks like a fresh start...
        request.set_session({"username": user.username})  # ...but the cookie's id stays
        return PublicUser.of(user)

    naive = Litestar([register, clear_then_set, me, logout], on_app_init=[session_auth.on_app_init])
    assert log_in_with_planted_cookie(naive) == (PLANTED, 200)


# --8<-- [end:pitfall-clear]


def test_the_rotating_login_defeats_the_planted_cookie() -> None:
    session_id, attacker = log_in_with_planted_cookie(app)
    assert session_id != PLANTED
    assert attacker == 401
