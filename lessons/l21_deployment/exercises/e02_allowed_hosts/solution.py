"""Only our names: answer for the depot's hosts, and 400 for any other."""

from litestar import Litestar, get
from litestar.config.allowed_hosts import AllowedHostsConfig
from litestar.exceptions import NotFoundException
from litestar.params import FromPath

PARCELS = {"PX-1": "in transit", "PX-2": "delivered"}


# Probes ask by address, not by name: this route opts out of the host check.
@get("/health", skip_host_check=True)
async def health() -> dict[str, str]:
    return {"status": "ok"}


@get("/parcels/{code:str}")
async def track(code: FromPath[str]) -> dict[str, str]:
    if code not in PARCELS:
        raise NotFoundException(f"no parcel {code}")
    return {"code": code, "status": PARCELS[code]}


app = Litestar(
    route_handlers=[health, track],
    allowed_hosts=AllowedHostsConfig(
        allowed_hosts=["depot.example", "*.depot.example"],
        exclude_opt_key="skip_host_check",
    ),
)
