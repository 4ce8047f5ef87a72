"""Log out for real: end the member's session on the server."""

from typing import Any

from litestar import Litestar, Request, post

from lessons.l15_auth.accounts import User
from lessons.l15_auth.step01_passwords import register
from lessons.l16_sessions.step01_sessions import me, session_auth
from lessons.l16_sessions.step02_fixation import login


@post("/logout", status_code=204)
async def logout(request: Request[User, dict[str, Any], Any]) -> None:
    # Empty, not {}: the middleware then deletes the session from the store and replaces
    # the cookie. Deleting only the cookie would leave every copy of it valid.
    request.clear_session()


app = Litestar(route_handlers=[register, login, me, logout], on_app_init=[session_auth.on_app_init])
