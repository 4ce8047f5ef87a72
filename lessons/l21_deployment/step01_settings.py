"""Settings read from the environment, checked before anything starts."""

# --8<-- [start:settings]
import sys
from typing import Literal

from litestar import Litestar, get
from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

PREFIX = "PARCELS_"


class Settings(BaseSettings):
    # Each field is read from PARCELS_<FIELD NAME>, in any case: PARCELS_WORKERS=4.
    model_config = SettingsConfigDict(env_prefix=PREFIX)

    environment: Literal["development", "production"] = "development"
    database_url: str = "sqlite+aiosqlite:///parcels.sqlite3"
    port: int = Field(default=8000, ge=1, le=65535)
    workers: int = Field(default=1, ge=1, le=16)
    # SecretStr shows as '**********' when printed or logged, never as the token.
    admin_token: SecretStr | None = Field(default=None, min_length=32)


# --8<-- [end:settings]


# --8<-- [start:load]
def problems(error: ValidationError) -> list[str]:
    """One line per bad value, naming its variable and never echoing what it held."""
    return [
        f"{PREFIX}{'_'.join(str(part) for part in problem['loc']).upper()}: {problem['msg']}"
        for problem in error.errors(include_url=False, include_input=False)
    ]


def load_settings() -> Settings:
    """The settings, or exit with status 2 after one line for each bad value."""
    try:
        return Settings()
    except ValidationError as error:
        for line in problems(error):
            print(line, file=sys.stderr)  # noqa: T201 - the operator reads these lines
        # `from None`: no traceback, and 2 is "started wrongly", as argparse and click exit.
        raise SystemExit(2) from None


# --8<-- [end:load]


# --8<-- [start:app]
def create_app(settings: Settings) -> Litestar:
    @get("/about")
    async def about() -> dict[str, str | int]:
        # What an operator may see; the token is not in it.
        return {"environment": settings.environment, "workers": settings.workers}

    return Litestar(route_handlers=[about])


# Checked at import: a server that imports this module refuses to start on a bad value.
app = create_app(load_settings())


def main() -> None:
    """`python -m lessons.l21_deployment.step01_settings`: check the settings, then serve."""
    import uvicorn  # noqa: PLC0415 - only serving needs it

    settings = load_settings()
    uvicorn.run(
        # An import string, not `app`: every worker process imports the module itself.
        "lessons.l21_deployment.step01_settings:app",
        port=settings.port,
        workers=settings.workers,
    )


if __name__ == "__main__":  # pragma: no cover - a script's entry; main() has its own test
    main()
# --8<-- [end:app]
