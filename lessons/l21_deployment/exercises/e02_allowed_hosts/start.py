"""Only our names: answer for the depot's hosts, and 400 for any other.

Your task (the contract is in task.md, or on the lesson page):
the proxy forwards depot.example and its subdomains; any other Host is a 400. A probe
that asks GET /health by address (Host: 10.0.0.7:8000) must still get its 200.
"""

from litestar import Litestar, get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath

PARCELS = {"PX-1": "in transit", "PX-2": "delivered"}


@get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


@get("/parcels/{code:str}")
async def track(code: FromPath[str]) -> dict[str, str]:
    if code not in PARCELS:
        raise NotFoundException(f"no parcel {code}")
    return {"code": code, "status": PARCELS[code]}


# TODO: refuse every Host but depot.example and its subdomains, except on /health.
app = Litestar(route_handlers=[health, track])
