"""Opening days: is the shop open on a given date?"""

from datetime import date

from litestar import Litestar, get
from litestar.params import FromPath

CLOSED_ON = "Sunday"


# `{day:date}` makes the router parse an ISO date: 2026-02-30 or "tomorrow" match no
# route (404), and the handler gets a datetime.date, never a string to parse by hand.
@get("/calendar/{day:date}")
async def opening_day(day: FromPath[date]) -> dict[str, str | bool]:
    weekday = day.strftime("%A")  # "Monday" ... "Sunday", from the date itself
    return {"day": day.isoformat(), "weekday": weekday, "open": weekday != CLOSED_ON}


app = Litestar(route_handlers=[opening_day])
