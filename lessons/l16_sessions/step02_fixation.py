"""A new session id at every login, so nobody can choose yours in advance."""

# --8<-- [start:login]
from typing import Any

from litestar import Litestar, Request, Response, post
from litestar.params import JSONBody

from lessons.l15_auth.accounts import USERS, LoginForm, PublicUser
from lessons.l15_auth.step01_passwords import register
from lessons.l16_sessions.step01_sessions import SESSIONS, logout, me, session_auth


# skip_session: the session middleware leaves this route alone, so it cannot write the
# data under the id the request's cookie brought (Litestar would keep that id, whoever
# chose it). The handler does the middleware's work itself, with a fresh id.
@post("/login", status_code=200, skip_session=True)
async def login(data: JSONBody[LoginForm], request: Request[Any, Any, Any]) -> Response[PublicUser]:
    user = await USERS.authenticate(data.username, data.password)
    backend = session_auth.session_backend
    store = SESSIONS.get_store_from_app(request.app)
    if old_id := request.cookies.get(SESSIONS.key):
        await backend.delete(old_id, store)  # whatever the old id was, it is dead now
    new_id = backend.generate_session_id()  # 32 random bytes from `secrets`
    session = backend.serialize_data({"username": user.username}, request.scope)
    await backend.set(new_id, session, store)  # expires after SESSIONS.max_age
    response = Response(PublicUser.of(user))
    response.set_cookie(
        key=SESSIONS.key,
        value=new_id,
        max_age=SESSIONS.max_age,
        path=SESSIONS.path,
        secure=SESSIONS.secure,
        httponly=SESSIONS.httponly,
        samesite=SESSIONS.samesite,
    )
    return response


# --8<-- [end:login]

app = Litestar(route_handlers=[register, login, me, logout], on_app_init=[session_auth.on_app_init])
