"""Headers and cookies, read with explicit markers."""

# --8<-- [start:app]
from typing import Annotated, Literal

from litestar import Litestar, get
from litestar.params import CookieParameter, FromCookie, HeaderParameter


@get("/preferences")
async def preferences(
    # Header names are matched as written in `name`: always give one, because a
    # Python name like `api_version` is not how the header is spelled on the wire.
    api_version: Annotated[int, HeaderParameter(name="X-API-Version", ge=1, le=2)] = 1,
    request_id: Annotated[str | None, HeaderParameter(name="X-Request-ID")] = None,
    # A Literal accepts only the listed values; anything else is a 400.
    theme: FromCookie[Literal["light", "dark"]] = "light",
    # A cookie whose name is not a valid Python name needs `name` too.
    currency: Annotated[str, CookieParameter(name="preferred-currency", max_length=3)] = "EUR",
) -> dict[str, str | int | None]:
    return {
        "api_version": api_version,
        "request_id": request_id,
        "theme": theme,
        "currency": currency,
    }


app = Litestar(route_handlers=[preferences])
# --8<-- [end:app]
