"""Depot settings: read and check the depot's settings from the environment.

Your task (the whole contract is in task.md, or on the lesson page):
read DEPOT_REGION, DEPOT_PAGE_SIZE and DEPOT_API_TOKEN with pydantic-settings; on a bad
value, load_settings() prints one line per bad value, naming its variable, and exits 2.
"""

from dataclasses import dataclass

from litestar import Litestar, get


# TODO: make this a pydantic-settings class that reads DEPOT_ variables and checks them.
@dataclass(frozen=True)
class Settings:
    region: str = "eu"
    page_size: int = 20


def load_settings() -> Settings:
    # TODO: on bad values, one line each on stderr ("DEPOT_PAGE_SIZE: ..."), then exit 2.
    return Settings()


def create_app(settings: Settings) -> Litestar:
    @get("/about")
    async def about() -> dict[str, str | int]:
        return {"region": settings.region, "page_size": settings.page_size}

    return Litestar(route_handlers=[about])


app = create_app(load_settings())
