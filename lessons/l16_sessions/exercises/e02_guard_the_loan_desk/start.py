"""Guard the loan desk: refuse forged requests, but let the book drop in.

Your task (the whole contract is in task.md, or on the lesson page): turn on Litestar's
CSRF protection, so that a cross-site form cannot borrow a book in a member's name, while
the book-drop machine, which has no cookies and signs in with its key, still works.
"""

from typing import Annotated

from litestar import Litestar, post
from litestar.exceptions import NotAuthorizedException
from litestar.params import FromPath, HeaderParameter

from lessons.l15_auth.step01_passwords import register
from lessons.l16_sessions.step01_sessions import logout, me, session_auth
from lessons.l16_sessions.step02_fixation import login
from lessons.l16_sessions.step04_csrf import LOANS, borrow, list_books

DROP_KEY = "exercise-only-drop-key"  # the machine's own secret (an exercise: in the code)
SECRET = "exercise-only-csrf-secret-0123456789"  # noqa: S105 - an exercise


# The machine sends its key in a header: no cookie, so nothing a browser adds by itself.
@post("/books/{book_id:int}/returned", status_code=200, exclude_from_auth=True)
async def returned(
    book_id: FromPath[int], drop_key: Annotated[str, HeaderParameter(name="x-drop-key")]
) -> dict[str, int]:
    if drop_key != DROP_KEY:
        raise NotAuthorizedException("Unknown book drop")
    LOANS.pop(book_id, None)
    return {"returned": book_id}


# TODO: protect the app with a CSRFConfig signed with SECRET; the machine must not need a token.
app = Litestar(
    route_handlers=[register, login, me, logout, list_books, borrow, returned],
    on_app_init=[session_auth.on_app_init],
)
