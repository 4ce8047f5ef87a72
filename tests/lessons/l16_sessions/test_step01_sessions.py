"""Step 01: a server-side session; its cookie's flags; logout destroys it in the store."""

import time_machine
from litestar import Litestar
from litestar.middleware.session.client_side import CookieBackendConfig
from litestar.middleware.session.server_side import ServerSideSessionConfig
from litestar.security.session_auth import SessionAuth

from lessons.l15_auth.step01_passwords import register
from lessons.l16_sessions.step01_sessions import (
    SESSIONS,
    app,
    login,
    logout,
    me,
    retrieve_user,
)
from tests.lessons.l16_sessions.support import (
    FROZEN,
    HTTPS,
    PASSWORD,
    https_client,
    record_exchange,
    sign_in,
)
from tests.transcripts import MakeTranscript


def test_log_in_use_the_session_log_out(transcript: MakeTranscript) -> None:
    record = transcript("l16_sessions/login-logout")
    with time_machine.travel(FROZEN, tick=False), https_client(app) as client:
        record_exchange(
            record, client.post("/register", json={"username": "ada", "password": PASSWORD})
        )
        client.cookies.clear()  # the anonymous session /register got plays no part below
        logged_in = record_exchange(
            record, client.post("/login", json={"username": "ada", "password": PASSWORD})
        )
        session_id = logged_in.cookies["session"]
        cookie = {"cookie": f"session={session_id}"}
        client.cookies.clear()  # each request below shows the cookie it sends
        me_response = record_exchange(record, client.get("/me", headers=cookie))
        logged_out = record_exchange(record, client.post("/logout", headers=cookie))
        replayed = record_exchange(record, client.get("/me", headers=cookie))

    assert logged_in.json() == {"username": "ada", "roles": ["member"]}
    assert me_response.json() == {"username": "ada", "roles": ["member"]}
    assert logged_out.status_code == 204
    # A copy of the cookie made before logout no longer opens anything.
    assert replayed.status_code == 401
    assert replayed.json() == {"status_code": 401, "detail": "no session data found"}


def test_the_cookie_holds_only_an_id_and_the_data_is_in_the_store() -> None:
    with https_client(app) as client:
        session_id = sign_in(client)
        store = app.stores.get("sessions")
        portal = client.blocking_portal  # the app's own event loop, which owns the store
        stored = portal.call(store.get, session_id)
        expires_in = portal.call(store.expires_in, session_id)
        client.post("/logout")
        after_logout = portal.call(store.get, session_id)

    assert len(session_id) == 64  # 32 random bytes, as hex: session_id_bytes
    assert stored == b'{"username":"ada"}'
    assert expires_in is not None
    assert 14 * 24 * 3600 - 5 <= expires_in <= 14 * 24 * 3600  # max_age: 14 days by default
    assert after_logout is None  # destroyed on the server, not only forgotten by the client


def test_the_cookie_flags_and_their_defaults() -> None:
    defaults = ServerSideSessionConfig()
    assert (defaults.httponly, defaults.secure, defaults.samesite) == (True, False, "lax")
    assert (defaults.key, defaults.max_age, defaults.path) == ("session", 1_209_600, "/")
    assert SESSIONS.secure  # this lesson turns Secure on
    with https_client(app) as client:
        client.post("/register", json={"username": "ada", "password": PASSWORD})
        response = client.post("/login", json={"username": "ada", "password": PASSWORD})
    flags = response.headers["set-cookie"].split("; ")[1:]
    assert flags == ["HttpOnly", "Max-Age=1209600", "Path=/", "SameSite=lax", "Secure"]


def test_the_cookie_that_ends_a_session_keeps_a_max_age() -> None:
    with https_client(app) as client:
        sign_in(client)
        response = client.post("/logout")
    # RFC 6265 section 5.3: Max-Age wins over Expires, so a browser keeps "null" for 14 days.
    value, expires, *flags = response.headers["set-cookie"].split("; ")
    assert value == "session=null"
    assert expires.startswith("expires=")
    assert "Max-Age=1209600" in flags


def test_no_session_no_user_is_401() -> None:
    with https_client(app) as client:
        anonymous = client.get("/me")
        session_id = sign_in(client)
        # The user is deleted after logging in: retrieve_user returns None.
        from lessons.l15_auth.accounts import USERS  # noqa: PLC0415 - where the users live

        del USERS.users["ada"]
        orphan = client.get("/me", headers={"cookie": f"session={session_id}"})
    assert anonymous.status_code == 401
    assert orphan.json() == {"status_code": 401, "detail": "no user correlating to session found"}


def test_openapi_names_the_cookie() -> None:
    schema = app.openapi_schema.to_schema()
    assert schema["components"]["securitySchemes"] == {
        "sessionCookie": {
            "type": "apiKey",
            "description": "Session cookie authentication.",
            "name": "session",
            "in": "cookie",
        }
    }
    assert schema["security"] == [{"sessionCookie": []}]


# --8<-- [start:client-side]
def test_a_client_side_session_outlives_logout() -> None:
    # CookieBackendConfig puts the whole session, encrypted, in the cookie; the server keeps
    # nothing, so logging out only asks the browser to forget it. A copy still works.
    in_cookie = CookieBackendConfig(secret=b"sixteen byte key", secure=True)
    auth = SessionAuth(  # type: ignore[var-annotated]
        session_backend_config=in_cookie,
        retrieve_user_handler=retrieve_user,
        exclude=["^/register$", "^/login$"],
    )
    client_side = Litestar([register, login, me, logout], on_app_init=[auth.on_app_init])
    with https_client(client_side) as client:
        sign_in(client)
        copy = client.cookies["session"]
        assert len(copy) > 64  # the encrypted data, not an id
        assert client.post("/logout").status_code == 204
        client.cookies.clear()
        replayed = client.get("/me", headers={"cookie": f"session={copy}"})
    assert replayed.status_code == 200  # logged in, after logging out


# --8<-- [end:client-side]


# --8<-- [start:pitfall-secure]
def test_without_secure_the_cookie_also_travels_over_plain_http() -> None:
    def app_with(config: ServerSideSessionConfig) -> Litestar:
        auth = SessionAuth(  # type: ignore[var-annotated]
            session_backend_config=config,
            retrieve_user_handler=retrieve_user,
            exclude=["^/register$", "^/login$"],
        )
        return Litestar([register, login, me, logout], on_app_init=[auth.on_app_init])

    for config, over_http in ((ServerSideSessionConfig(), 200), (SESSIONS, 401)):
        with https_client(app_with(config)) as client:
            sign_in(client)  # over https
            # The same client (like a browser) then follows a plain http:// link to the site.
            plain = client.get(HTTPS.replace("https:", "http:") + "/me")
        assert plain.status_code == over_http


# --8<-- [end:pitfall-secure]
