"""Lesson 16: the likely wrong answers to each exercise, and the check that rejects each."""

from tests.lessons.wrong_solutions import Wrong, wrong_solution_tests

LOGOUT = "e01_log_out_for_real"
DESK = "e02_guard_the_loan_desk"
SWAGGER = "e03_swagger_login"
RETURN_TOKEN = (
    '    return {"access_token": oauth2.create_token(identifier=user.username), '
    '"token_type": "bearer"}'
)
CLEAR = "    request.clear_session()"
CSRF_LINE = "    csrf_config=CSRFConfig(secret=SECRET, cookie_secure=True),\n"
DROP_OPT = "    exclude_from_csrf=True,\n"

WRONG = [
    Wrong(
        LOGOUT,
        "deletes-only-the-cookie",
        (
            (
                "-> None:\n    # Empty",
                "-> Response[None]:\n    # Empty",
            ),
            (CLEAR, '    return Response(None, status_code=204, cookies=[Cookie("session", "")])'),
            (
                "from litestar import Litestar, Request, post",
                (
                    "from litestar import Litestar, Request, Response, post\n"
                    "from litestar.datastructures import Cookie"
                ),
            ),
        ),
        caught_by="old_cookie_is_dead",
    ),
    Wrong(
        LOGOUT,
        "empties-the-whole-store",
        # Everyone's sessions go, and then the middleware writes rosa's back at the response.
        ((CLEAR, '    await request.app.stores.get("sessions").delete_all()'),),
        "old_cookie_is_dead",
    ),
    Wrong(LOGOUT, "does-nothing", ((CLEAR, "    return None"),), "old_cookie_is_dead"),
    Wrong(
        LOGOUT,
        "default-status-201",
        (('@post("/logout", status_code=204)', '@post("/logout")'),),
        "logs_out",
    ),
    Wrong(
        LOGOUT,
        "logout-open-to-anyone",
        (
            (
                '@post("/logout", status_code=204)',
                '@post("/logout", status_code=204, exclude_from_auth=True)',
            ),
        ),
        "strangers_are_401",
    ),
    Wrong(DESK, "no-csrf-config", ((CSRF_LINE, ""),), "forgery_is_refused"),
    Wrong(
        DESK,
        "another-header-name",
        (("SECRET, cookie_secure=True)", 'SECRET, cookie_secure=True, header_name="x-csrf")'),),
        "own_page_borrows",
    ),
    Wrong(DESK, "book-drop-not-exempt", ((DROP_OPT, ""),), "book_drop_works"),
    Wrong(
        DESK,
        "exclusion-too-wide",
        (
            (DROP_OPT, ""),
            ("SECRET, cookie_secure=True)", 'SECRET, cookie_secure=True, exclude=["/books"])'),
        ),
        "forgery_is_refused",
    ),
    Wrong(
        SWAGGER,
        "json-body",
        (
            ("data: URLEncodedBody[Credentials]", "data: JSONBody[Credentials]"),
            ("from litestar.params import URLEncodedBody", "from litestar.params import JSONBody"),
        ),
        "form_gets_a_token",
    ),
    Wrong(
        SWAGGER,
        "token-url-login",
        (('token_url="/token"', 'token_url="/login"'),),
        "openapi_names_the_token_url",
    ),
    Wrong(
        SWAGGER,
        "login-sets-a-cookie",
        (
            ("-> dict[str, str]:", "-> Response[Any]:"),
            (
                RETURN_TOKEN,
                "    return oauth2.login(identifier=user.username, response_status_code=200)",
            ),
            (
                "from litestar import Litestar, Request, get, post",
                "from litestar import Litestar, Request, Response, get, post",
            ),
        ),
        "no_cookie",
    ),
    Wrong(
        SWAGGER,
        "jwt-auth-instead",
        (
            ("OAuth2PasswordBearerAuth[User, Token](", "JWTAuth[User, Token]("),
            ('token_url="/token",', ""),  # JWTAuth takes none; the comment stays
            ("import OAuth2PasswordBearerAuth, Token", "import JWTAuth, Token"),
        ),
        "openapi_names_the_token_url",
    ),
]

test_a_wrong_solution_fails_its_check = wrong_solution_tests("l16_sessions", WRONG)
