"""Oven timer: write an event stream from its contract.

Your task (the whole contract is in task.md, or on the lesson page):
GET /timers/{seconds} streams a "tick" event per second left, then a "ring" event;
a timer runs 1 to 60 seconds, anything else is a 400.
"""

from litestar import Litestar

SECONDS_PER_TICK = 1.0  # the checks set it to 0

# TODO: a generator of events and a handler that streams it; then list the handler below.

app = Litestar(route_handlers=[])
