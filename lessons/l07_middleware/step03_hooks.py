"""Lifecycle hooks: before_request, after_request and after_response."""

# --8<-- [start:app]
from typing import Any

from litestar import Litestar, Request, Response, get, post
from litestar.datastructures import State
from litestar.params import JSONBody


# --8<-- [start:hooks]
async def refuse_writes_when_read_only(
    request: Request[Any, Any, Any],
) -> Response[dict[str, object]] | None:
    # Returning anything but None answers the request here: the handler never runs.
    if request.app.state.read_only and request.method != "GET":
        detail = "The service is read-only for maintenance; try again later"
        return Response({"status_code": 503, "detail": detail}, status_code=503)
    return None


async def forbid_caching(response: Response[Any]) -> Response[Any]:
    # Sees (and may change or replace) the response the handler built.
    response.headers["Cache-Control"] = "no-store"
    return response


async def count_responses(request: Request[Any, Any, Any]) -> None:
    # Runs once the response has been sent: too late to change it, right for bookkeeping.
    request.app.state.responses_sent += 1


# --8<-- [end:hooks]

NOTES: list[str] = []


@get("/notes")
async def list_notes(request: Request[Any, Any, Any]) -> dict[str, object]:
    return {"notes": NOTES, "responses_sent": request.app.state.responses_sent}


@post("/notes")
async def add_note(data: JSONBody[str]) -> list[str]:
    NOTES.append(data)
    return NOTES


app = Litestar(
    route_handlers=[list_notes, add_note],
    state=State({"read_only": False, "responses_sent": 0}),
    before_request=refuse_writes_when_read_only,
    after_request=forbid_caching,
    after_response=count_responses,
)
# --8<-- [end:app]
