"""Behind a reverse proxy: who the client is, and which hosts the app answers for."""

# --8<-- [start:app]
from typing import Any

from litestar import Litestar, Request, get
from litestar.config.allowed_hosts import AllowedHostsConfig

# The names the proxy forwards to this app; "*." also allows every subdomain.
ALLOWED_HOSTS = ["parcels.example", "*.parcels.example"]


@get("/whoami")
async def whoami(request: Request[Any, Any, Any]) -> dict[str, str | None]:
    # request.client and the scheme are what the server put in the ASGI scope: the TCP
    # peer, unless the server was told to believe the proxy's X-Forwarded-* headers.
    client = request.client.host if request.client else None
    return {"client": client, "scheme": request.url.scheme, "host": request.url.hostname}


# A probe asks by address (Host: 10.0.0.7:8000), not by name: this route skips the check.
@get("/health", skip_host_check=True)
async def health() -> dict[str, str]:
    return {"status": "ok"}


app = Litestar(
    route_handlers=[whoami, health],
    allowed_hosts=AllowedHostsConfig(
        allowed_hosts=ALLOWED_HOSTS,
        # Routes whose opt has skip_host_check=True are not checked (see /health).
        exclude_opt_key="skip_host_check",
    ),
)
# --8<-- [end:app]
