"""Settings, read once from environment variables, with defaults that are safe on a laptop."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Literal, cast

# A development-only secret: anyone can read it here, so tokens signed with it prove
# nothing. Production refuses to start with it (see Settings.check).
DEV_ONLY_JWT_SECRET = "dev-only-secret-do-not-use-in-production-0123456789"  # noqa: S105
MIN_SECRET_LENGTH = 32
_RATE = re.compile(r"([1-9][0-9]{0,5})/(second|minute|hour|day)")


class ConfigurationError(RuntimeError):
    """The settings are not safe to serve with."""


@dataclass(frozen=True)
class Settings:
    environment: str = "development"
    # An embedded SQLite file by default; postgresql+asyncpg://... to scale out.
    database_url: str = "sqlite+aiosqlite:///capstone.sqlite3"
    # Unset: events reach clients of this process only. redis://... shares them.
    redis_url: str | None = None
    jwt_secret: str = DEV_ONLY_JWT_SECRET
    token_minutes: int = 60
    # Apply migrations when the app starts. Turn off when several processes start at
    # once against one database, and run `python -m capstone migrate` before them.
    migrate_on_start: bool = True
    cors_origins: tuple[str, ...] = field(default_factory=tuple)
    max_body_bytes: int = 64 * 1024
    # Attempts per client address on /auth/register and /auth/login: "N/second|minute|
    # hour|day". Counted in each process's memory (see docs/capstone/decisions.md).
    login_rate_limit: str = "10/minute"

    @property
    def login_rate(self) -> tuple[Literal["second", "minute", "hour", "day"], int]:
        """The login limit as Litestar's RateLimitConfig takes it: ("minute", 5)."""
        match = _RATE.fullmatch(self.login_rate_limit)
        if match is None:
            raise ConfigurationError(
                "LOGIN_RATE_LIMIT must look like 5/minute (a count, then second, minute,"
                f" hour or day), not {self.login_rate_limit!r}"
            )
        return cast("Literal['second', 'minute', 'hour', 'day']", match[2]), int(match[1])

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if environ is None else environ)
        defaults = cls()
        origins = env.get("CORS_ORIGINS", "")
        return cls(
            environment=env.get("APP_ENV", defaults.environment),
            database_url=env.get("DATABASE_URL", defaults.database_url),
            redis_url=env.get("REDIS_URL") or None,
            jwt_secret=env.get("JWT_SECRET", defaults.jwt_secret),
            token_minutes=int(env.get("TOKEN_MINUTES", defaults.token_minutes)),
            migrate_on_start=env.get("MIGRATE_ON_START", "1") not in {"0", "false", "no"},
            cors_origins=tuple(o.strip() for o in origins.split(",") if o.strip()),
            login_rate_limit=env.get("LOGIN_RATE_LIMIT", defaults.login_rate_limit).strip(),
        ).check()

    def check(self) -> Settings:
        self.login_rate  # noqa: B018 - raises ConfigurationError when malformed
        if self.environment not in {"development", "production"}:
            raise ConfigurationError(
                f"APP_ENV must be development or production, not {self.environment!r}"
            )
        if self.is_production and (
            self.jwt_secret == DEV_ONLY_JWT_SECRET or len(self.jwt_secret) < MIN_SECRET_LENGTH
        ):
            raise ConfigurationError(
                "APP_ENV=production needs JWT_SECRET: "
                f"a random value of {MIN_SECRET_LENGTH} or more characters"
            )
        return self
