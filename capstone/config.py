"""Settings, read once from environment variables, with defaults that are safe on a laptop.

Every bad value is reported, one line each, naming its variable (`python -m capstone`
prints them and exits with status 2). No value that could be a secret is ever echoed.
"""

from __future__ import annotations

import hashlib
import ipaddress
import os
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar, cast

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

MIN_SECRET_LENGTH = 32
# A development start with no JWT_SECRET generates one and keeps it here (gitignored),
# so tokens survive a restart and no secret anyone can read in the repository signs them.
LOCAL_SECRET_FILE = Path(".capstone-jwt-secret")
# Published once in this repository's history: never a secret again, in any environment.
PUBLIC_SECRETS = frozenset({"dev-only-secret-do-not-use-in-production-0123456789"})
DATABASE_DRIVERS = ("sqlite+aiosqlite", "postgresql+asyncpg")
REDIS_SCHEMES = ("redis", "rediss", "unix")
MAX_TOKEN_MINUTES = 24 * 60
_RATE = re.compile(r"([1-9][0-9]{0,5})/(second|minute|hour|day)")
_ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")
_NAMESPACE = re.compile(r"[A-Za-z0-9_.-]{1,64}")
_BOOLEANS = {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False}
RateUnit = Literal["second", "minute", "hour", "day"]
T = TypeVar("T")


class ConfigurationError(RuntimeError):
    """The settings are not safe to serve with: one line per bad value."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def parse_rate(value: str) -> tuple[RateUnit, int]:
    """ "5/minute" as Litestar's RateLimitConfig takes it: ("minute", 5)."""
    match = _RATE.fullmatch(value)
    if match is None:
        raise ValueError(
            f"must look like 5/minute (a count, then second, minute, hour or day), not {value!r}"
        )
    return cast("RateUnit", match[2]), int(match[1])


@dataclass(frozen=True)
class Settings:
    environment: str = "development"
    # An embedded SQLite file by default; postgresql+asyncpg://... to scale out.
    database_url: str = "sqlite+aiosqlite:///capstone.sqlite3"
    # Unset: events reach clients of this process only. redis://... shares them.
    redis_url: str | None = None
    # Prefix of every Redis channel and key. Pub/sub ignores the database number, so two
    # deployments sharing a Redis must differ here. Empty: derived from DATABASE_URL.
    redis_namespace: str = ""
    # Built in code (tests): a random secret nobody else knows. From the environment:
    # JWT_SECRET, or in development the secret kept in LOCAL_SECRET_FILE.
    jwt_secret: str = field(default_factory=lambda: secrets.token_urlsafe(32), repr=False)
    token_minutes: int = 60
    # Apply migrations when the app starts. Turn off when several processes start at
    # once against one database, and run `python -m capstone migrate` before them.
    migrate_on_start: bool = True
    cors_origins: tuple[str, ...] = field(default_factory=tuple)
    max_body_bytes: int = 64 * 1024
    # Attempts per client address on /auth/register and /auth/login: "N/second|minute|
    # hour|day". In Redis when REDIS_URL is set (one count for every process).
    login_rate_limit: str = "10/minute"
    # Failed logins per username, whichever address they come from.
    account_login_limit: str = "5/minute"
    # Addresses of the reverse proxies whose X-Forwarded-For is believed. None by default:
    # the client address is the TCP peer's, even from 127.0.0.1.
    trusted_proxies: tuple[str, ...] = field(default_factory=tuple)
    # Open WebSockets plus event streams per user, in each process.
    max_streams_per_user: int = 5
    # A request body must have arrived this many seconds after the request began (408).
    body_seconds: float = 10.0
    # The performance choices (docs/capstone/performance.md), each on by default. Not read
    # from the environment: only the benchmark turns one off, to measure what it buys.
    # Task routes trust the user id in the signed token: no SELECT of the user per request.
    token_identity: bool = True
    # A token whose signature and claims were checked is kept until it expires (http/auth.py).
    checked_tokens: bool = True
    # GET requests read in autocommit mode: no BEGIN and COMMIT around their SELECTs.
    reads_autocommit: bool = True
    # Reads run statements built once and return rows, not ORM objects (domain/tasks.py).
    rows_for_reads: bool = True
    # A create is one INSERT ... RETURNING, not a Task object through the unit of work.
    insert_returning: bool = True
    # advanced-alchemy's listeners for features the capstone does not use are off.
    lean_sessions: bool = True
    # A fixed pool of connections, never closed and reopened under load (storage/database.py).
    fixed_pool: bool = True
    # Requests get the pool's connections in the order they asked (storage/database.py).
    fair_pool: bool = True
    # SQLite: the writes of one process queue for one lock, in order, instead of polling
    # SQLite's busy lock (a POST p99 of seconds at 32 connections).
    single_writer: bool = True
    # SQLite: a connection given back to the pool is rolled back only if it has a
    # transaction open, not every time (storage/database.py).
    lean_resets: bool = True

    @property
    def login_rate(self) -> tuple[RateUnit, int]:
        return parse_rate(self.login_rate_limit)

    @property
    def account_rate(self) -> tuple[RateUnit, int]:
        return parse_rate(self.account_login_limit)

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @property
    def namespace(self) -> str:
        """The Redis prefix: REDIS_NAMESPACE, else one that only this database's URL gives."""
        if self.redis_namespace:
            return self.redis_namespace
        digest = hashlib.sha256(self.database_url.encode()).hexdigest()[:12]
        return f"capstone-{digest}"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read every variable; raise one ConfigurationError that lists every bad value."""
        env = dict(os.environ if environ is None else environ)
        reader = _Reader(env)
        defaults = cls()
        environment = reader.read("APP_ENV", defaults.environment, _environment)
        settings = cls(
            environment=environment,
            database_url=reader.read("DATABASE_URL", defaults.database_url, _database_url),
            redis_url=reader.read("REDIS_URL", "", _redis_url) or None,
            redis_namespace=reader.read("REDIS_NAMESPACE", "", _namespace),
            jwt_secret=reader.read("JWT_SECRET", "", _secret) or reader.local_secret(environment),
            token_minutes=reader.read("TOKEN_MINUTES", "60", _token_minutes),
            migrate_on_start=reader.read("MIGRATE_ON_START", "1", _boolean),
            cors_origins=reader.read("CORS_ORIGINS", "", _origins),
            login_rate_limit=reader.read("LOGIN_RATE_LIMIT", defaults.login_rate_limit, _rate),
            account_login_limit=reader.read(
                "ACCOUNT_LOGIN_LIMIT", defaults.account_login_limit, _rate
            ),
            trusted_proxies=reader.read("TRUSTED_PROXIES", "", _proxies),
            max_streams_per_user=reader.read("MAX_STREAMS_PER_USER", "5", _streams),
        )
        if reader.problems:
            raise ConfigurationError(reader.problems)
        return settings


class _Reader:
    """Reads variables, turning each bad one into a line instead of stopping at the first."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.problems: list[str] = []

    def read(self, name: str, default: str, parse: Callable[[str], T]) -> T:
        raw = self.env.get(name)
        try:
            return parse(default if raw is None else raw.strip())
        except ValueError as error:
            self.problems.append(f"{name} {error}")
            return parse(default)

    def local_secret(self, environment: str) -> str:
        """No JWT_SECRET: in development, the secret in LOCAL_SECRET_FILE, made once."""
        if environment == "production":
            # Production never makes one up: every process must share the same secret.
            self.problems.append(
                f"JWT_SECRET must be set when APP_ENV=production: a random value of"
                f" {MIN_SECRET_LENGTH} or more characters"
            )
            return ""
        if not LOCAL_SECRET_FILE.exists():
            _write_once(LOCAL_SECRET_FILE, secrets.token_urlsafe(32) + "\n")
        secret = LOCAL_SECRET_FILE.read_text().strip()
        if len(secret) < MIN_SECRET_LENGTH:
            self.problems.append(
                f"JWT_SECRET is not set and {LOCAL_SECRET_FILE} holds no usable secret:"
                " delete the file to make a new one"
            )
        return secret


def _write_once(path: Path, text: str) -> None:
    """Write `path` whole or not at all: workers starting together all read one secret."""
    draft = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    draft.touch(mode=0o600)  # readable by its owner only
    draft.write_text(text)
    try:
        os.link(draft, path)  # atomic, and refused if another process got there first
    except FileExistsError:
        pass
    finally:
        draft.unlink()


def _environment(value: str) -> str:
    if value not in {"development", "production"}:
        raise ValueError(f"must be development or production, not {value!r}")
    return value


def _database_url(value: str) -> str:
    try:
        url = make_url(value)
    except ArgumentError:
        raise ValueError("is not a URL such as sqlite+aiosqlite:///tasks.sqlite3") from None
    if url.drivername not in DATABASE_DRIVERS:
        shown = url.render_as_string(hide_password=True)
        raise ValueError(f"must start with {' or '.join(DATABASE_DRIVERS)}://, not {shown!r}")
    return value


def _redis_url(value: str) -> str:
    scheme = value.partition("://")[0]
    if value and (scheme not in REDIS_SCHEMES or "://" not in value):
        raise ValueError(f"must start with {', '.join(REDIS_SCHEMES)}://")
    return value


def _namespace(value: str) -> str:
    if value and not _NAMESPACE.fullmatch(value):
        raise ValueError(f"must be 1 to 64 of A-Z a-z 0-9 _ . -, not {value!r}")
    return value


def _secret(value: str) -> str:
    if value in PUBLIC_SECRETS:
        raise ValueError("is a secret published in this repository: generate your own")
    if value and len(value) < MIN_SECRET_LENGTH:
        raise ValueError(f"must be a random value of {MIN_SECRET_LENGTH} or more characters")
    return value


def _token_minutes(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= MAX_TOKEN_MINUTES:
        raise ValueError(f"must be a whole number of minutes from 1 to {MAX_TOKEN_MINUTES}")
    return int(value)


def _boolean(value: str) -> bool:
    if value.lower() not in _BOOLEANS:
        raise ValueError(f"must be 1 or 0 (or true/false, yes/no), not {value!r}")
    return _BOOLEANS[value.lower()]


def _origins(value: str) -> tuple[str, ...]:
    origins = tuple(origin.strip() for origin in value.split(",") if origin.strip())
    for origin in origins:
        if origin == "*":
            raise ValueError("must list origins: * would let every website call the API")
        if not _ORIGIN.fullmatch(origin):
            raise ValueError(f"must be origins such as https://app.example, not {origin!r}")
    return origins


def _rate(value: str) -> str:
    parse_rate(value)
    return value


def _proxies(value: str) -> tuple[str, ...]:
    proxies = tuple(proxy.strip() for proxy in value.split(",") if proxy.strip())
    for proxy in proxies:
        try:
            ipaddress.ip_network(proxy)
        except ValueError:
            raise ValueError(f"must be IP addresses or networks, not {proxy!r}") from None
    return proxies


def _streams(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 1000:
        raise ValueError("must be a whole number from 1 to 1000")
    return int(value)
