"""Opening days: is the shop open on a given date?

Your task (the whole contract is in task.md, or on the lesson page):
GET /calendar/{day} takes an ISO date such as 2026-12-01 and answers whether the shop is
open that day: it opens every day but Sunday. A day that is not a real date is a 404.
"""

from litestar import Litestar

CLOSED_ON = "Sunday"


# TODO: write the handler for GET /calendar/{day} from the contract, and serve it.


app = Litestar(route_handlers=[])
