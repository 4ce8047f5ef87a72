"""One error body for every 4xx and 5xx: RFC 9457 problem details, application/problem+json.

{"status", "title", "detail", "fields"}, and "current" on a 412; built by Litestar's
ProblemDetailsException (why not its plugin: docs/capstone/decisions.md).
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from litestar import Request, Response
from litestar.exceptions import HTTPException, TooManyRequestsException, ValidationException
from litestar.plugins.problem_details import ProblemDetailsException
from litestar.types import ExceptionHandlersMap
from redis.exceptions import RedisError
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from capstone.domain.readiness import NotReadyError
from capstone.domain.tasks import (
    IdempotencyKeyReusedError,
    OwnerGoneError,
    TaskNotFoundError,
    VersionConflictError,
)
from capstone.domain.users import (
    PasswordChecksBusyError,
    UsernameTakenError,
    WrongCredentialsError,
)
from capstone.http.schemas import TaskOut

logger = logging.getLogger("capstone")


def _respond(
    request: Request[Any, Any, Any],
    status: int,
    detail: str,
    fields: list[Any] | None = None,
    **extra: Any,
) -> Response[Any]:
    # The request id and the strict headers are added around the whole app (middleware.py).
    problem = ProblemDetailsException(
        status_code=status,
        # No "type": RFC 9457 reads that as about:blank, whose title is the status phrase.
        title=HTTPStatus(status).phrase,
        detail=detail,
        extra={"fields": fields or [], **extra},  # extension members, beside the standard ones
    )
    return problem.to_response(request)


# Litestar 2.25 reports a request without a body as the text of a KeyError: "'data'".
_NO_BODY = {"message": "'data'", "key": "data", "source": "body"}
_NO_BODY_MESSAGE = "The body is empty: send a JSON object"


def http_error(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    fields = (
        exc.extra if isinstance(exc, ValidationException) and isinstance(exc.extra, list) else []
    )
    fields = [
        {**field, "message": _NO_BODY_MESSAGE} if field == _NO_BODY else field for field in fields
    ]
    response = _respond(request, exc.status_code, exc.detail, fields)
    response.headers.update(exc.headers or {})
    return response


# --8<-- [start:too-many-requests]
def too_many_requests(
    request: Request[Any, Any, Any], exc: TooManyRequestsException
) -> Response[Any]:
    # RateLimitMiddleware sends RateLimit-Reset (seconds until the window ends) but no
    # Retry-After, the header HTTP clients and libraries actually honour.
    response = http_error(request, exc)
    sent = exc.headers or {}
    response.headers["Retry-After"] = sent.get("Retry-After") or sent.get("RateLimit-Reset", "60")
    if exc.detail == HTTPStatus.TOO_MANY_REQUESTS.phrase:  # the per-address limit's
        response.content["detail"] = "Too many attempts from your address; retry later"
    return response
    # --8<-- [end:too-many-requests]


def not_found(request: Request[Any, Any, Any], exc: TaskNotFoundError) -> Response[Any]:
    return _respond(request, 404, str(exc))


def owner_gone(request: Request[Any, Any, Any], exc: OwnerGoneError) -> Response[Any]:
    return _respond(request, 401, "This account no longer exists")


def version_conflict(request: Request[Any, Any, Any], exc: VersionConflictError) -> Response[Any]:
    # 412 with the task as it is now, so the client can merge and retry with its ETag.
    current = TaskOut.of(exc.current)
    response = _respond(
        request,
        412,
        f"The task is at version {current.version}; re-read it and retry",
        current=current,
    )
    response.headers["ETag"] = f'"{current.version}"'
    return response


def key_reused(request: Request[Any, Any, Any], exc: IdempotencyKeyReusedError) -> Response[Any]:
    return _respond(request, 422, str(exc))


def username_taken(request: Request[Any, Any, Any], exc: UsernameTakenError) -> Response[Any]:
    return _respond(request, 409, str(exc))


def wrong_credentials(request: Request[Any, Any, Any], exc: WrongCredentialsError) -> Response[Any]:
    return _respond(request, 401, "Wrong username or password")


def checks_busy(request: Request[Any, Any, Any], exc: PasswordChecksBusyError) -> Response[Any]:
    response = _respond(request, 503, "Too many password checks at once; retry in a moment")
    response.headers["Retry-After"] = "1"
    return response


def not_ready(request: Request[Any, Any, Any], exc: NotReadyError) -> Response[Any]:
    logger.warning("readiness check failed: %s: %s", exc, exc.__cause__ or "-")
    response = _respond(request, 503, str(exc))
    response.headers["Retry-After"] = "5"
    return response


def dependency_down(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    # The database or Redis went away mid-request: a moment's outage, not our bug (500).
    logger.warning(
        "%s on %s %s: %s", type(exc).__name__, request.method, request.url.path, exc.args[:1]
    )
    response = _respond(request, 503, "A service we depend on does not answer; retry shortly")
    response.headers["Retry-After"] = "5"
    return response


def not_utf8(request: Request[Any, Any, Any], exc: UnicodeDecodeError) -> Response[Any]:
    # msgspec raises this (not a DecodeError) for invalid UTF-8 inside a JSON string, and
    # Litestar 2.25 lets it through; the only bytes we decode as UTF-8 are the client's.
    return _respond(request, 400, "The body is not valid UTF-8; JSON must be UTF-8 encoded")


def too_deep(request: Request[Any, Any, Any], exc: RecursionError) -> Response[Any]:
    # msgspec gives up on JSON nested thousands of levels deep with a RecursionError, which
    # Litestar 2.25 lets through. That one is the client's; any other is our bug.
    if "while deserializing" in str(exc):
        return _respond(request, 400, "The JSON is nested too deeply")
    return unexpected(request, exc)


def unexpected(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    # The traceback goes to the log; the client learns nothing it could use.
    logger.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return _respond(request, 500, "Something went wrong on our side")


EXCEPTION_HANDLERS: ExceptionHandlersMap = {
    HTTPException: http_error,
    TooManyRequestsException: too_many_requests,
    TaskNotFoundError: not_found,
    OwnerGoneError: owner_gone,
    VersionConflictError: version_conflict,
    IdempotencyKeyReusedError: key_reused,
    UsernameTakenError: username_taken,
    WrongCredentialsError: wrong_credentials,
    PasswordChecksBusyError: checks_busy,
    UnicodeDecodeError: not_utf8,
    NotReadyError: not_ready,
    OperationalError: dependency_down,
    InterfaceError: dependency_down,
    PoolTimeoutError: dependency_down,
    ConnectionError: dependency_down,  # asyncpg's refused connection, among others
    RedisError: dependency_down,
    RecursionError: too_deep,
    Exception: unexpected,
}
