"""Every type a path parameter can declare, and the Python value each one gives you."""

# --8<-- [start:app]
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from uuid import UUID

from litestar import Litestar, get
from litestar.params import FromPath


def describe(value: object) -> dict[str, str]:
    """Show which Python object the handler received."""
    return {"type": type(value).__name__, "value": repr(value)}


# --8<-- [start:handlers]
@get("/str/{value:str}")
async def as_str(value: FromPath[str]) -> dict[str, str]:
    return describe(value)


@get("/int/{value:int}")
async def as_int(value: FromPath[int]) -> dict[str, str]:
    return describe(value)


@get("/float/{value:float}")
async def as_float(value: FromPath[float]) -> dict[str, str]:
    return describe(value)


@get("/uuid/{value:uuid}")
async def as_uuid(value: FromPath[UUID]) -> dict[str, str]:
    return describe(value)


# --8<-- [start:str-then-validate]
# `{value:decimal}` exists too, but on Litestar 2.25 a segment Decimal cannot
# parse ("ten") escapes as a 500. Declared as `str` in the path and `Decimal`
# in the signature, the value is validated instead: junk is a 400 naming it.
@get("/decimal/{value:str}")  # exact, unlike float: use it for money
async def as_decimal(value: FromPath[Decimal]) -> dict[str, str]:
    return describe(value)


@get("/date/{value:date}")  # ISO 8601: 2026-11-27
async def as_date(value: FromPath[date]) -> dict[str, str]:
    return describe(value)


@get("/datetime/{value:datetime}")  # ISO 8601: 2026-11-27T09:30:00+00:00
async def as_datetime(value: FromPath[datetime]) -> dict[str, str]:
    return describe(value)


@get("/time/{value:time}")  # ISO 8601: 09:30:00
async def as_time(value: FromPath[time]) -> dict[str, str]:
    return describe(value)


# The same holds for `{value:timedelta}`: a huge number of seconds overflows
# into a 500. Validated as below, it is a 400 ("Duration is out of range").
@get("/timedelta/{value:str}")  # ISO 8601 duration (PT1H30M) or seconds (5400)
async def as_timedelta(value: FromPath[timedelta]) -> dict[str, str]:
    return describe(value)


# --8<-- [end:str-then-validate]


@get("/files/{value:path}")  # takes the rest of the URL, slashes included
async def as_path(value: FromPath[Path]) -> dict[str, str]:
    return describe(value)


# --8<-- [end:handlers]
app = Litestar(
    route_handlers=[
        as_str,
        as_int,
        as_float,
        as_uuid,
        as_decimal,
        as_date,
        as_datetime,
        as_time,
        as_timedelta,
        as_path,
    ]
)
# --8<-- [end:app]
