"""A provider runs on every request; use_cache=True keeps its first value for good."""

# --8<-- [start:app]
from dataclasses import dataclass
from uuid import uuid4

from litestar import Litestar, get
from litestar.di import NamedDependency, Provide


@dataclass(frozen=True)
class Settings:
    instance: str  # a fresh id each time settings are built, so you can tell builds apart


async def load_settings() -> Settings:
    """Pretend this is expensive (parse files, read a vault): do it once."""
    return Settings(instance=uuid4().hex)


async def new_request_id() -> str:
    """Must differ per request, so it must never be cached."""
    return uuid4().hex


async def audit_label(request_id: NamedDependency[str]) -> str:
    # A provider can depend on another one. Within one request, `request_id` is
    # built once and shared by everything that asks for it.
    return f"audit:{request_id}"


@get("/ids")
async def show_ids(
    settings: NamedDependency[Settings],
    request_id: NamedDependency[str],
    audit: NamedDependency[str],
) -> dict[str, str]:
    return {"settings": settings.instance, "request_id": request_id, "audit": audit}


app = Litestar(
    route_handlers=[show_ids],
    dependencies={
        # --8<-- [start:cache]
        # use_cache=True: the first value is kept on this Provide object and reused
        # by every later request, from every client, until the process exits.
        "settings": Provide(load_settings, use_cache=True),
        # The default, use_cache=False: called again on every request.
        "request_id": Provide(new_request_id),
        # --8<-- [end:cache]
        "audit": Provide(audit_label),
    },
)
# --8<-- [end:app]
