"""Depot settings: read and check the depot's settings from the environment."""

import sys
from typing import Literal

from litestar import Litestar, get
from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

PREFIX = "DEPOT_"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=PREFIX)

    region: Literal["eu", "us"] = "eu"
    page_size: int = Field(default=20, ge=1, le=100)
    api_token: SecretStr | None = Field(default=None, min_length=32)


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as error:
        # include_input=False: the message never repeats the value, which may be a secret.
        for problem in error.errors(include_url=False, include_input=False):
            name = PREFIX + "_".join(str(part) for part in problem["loc"]).upper()
            print(f"{name}: {problem['msg']}", file=sys.stderr)  # noqa: T201
        raise SystemExit(2) from None


def create_app(settings: Settings) -> Litestar:
    @get("/about")
    async def about() -> dict[str, str | int]:
        return {"region": settings.region, "page_size": settings.page_size}

    return Litestar(route_handlers=[about])


app = create_app(load_settings())
