"""Log out for real: end the member's session on the server.

Your task (the whole contract is in task.md, or on the lesson page): write the body of
POST /logout so that the session is destroyed in the store, and a copy of the old cookie
opens nothing any more.
"""

from typing import Any

from litestar import Litestar, Request, post

from lessons.kit import NotDone
from lessons.l15_auth.accounts import User
from lessons.l15_auth.step01_passwords import register
from lessons.l16_sessions.step01_sessions import me, session_auth
from lessons.l16_sessions.step02_fixation import login


@post("/logout", status_code=204)
async def logout(request: Request[User, dict[str, Any], Any]) -> None:
    # TODO: end this member's session (in the store, not only in the browser).
    raise NotDone("POST /logout does not end the session yet")


app = Litestar(route_handlers=[register, login, me, logout], on_app_init=[session_auth.on_app_init])
