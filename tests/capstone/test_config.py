"""Settings come from the environment; unsafe production settings refuse to start."""

import pytest

from capstone.config import DEV_ONLY_JWT_SECRET, ConfigurationError, Settings

STRONG = "x" * 40


def test_defaults_are_a_local_development_setup() -> None:
    settings = Settings.from_env({})

    assert settings == Settings()
    assert settings.database_url == "sqlite+aiosqlite:///capstone.sqlite3"
    assert settings.jwt_secret == DEV_ONLY_JWT_SECRET
    assert (settings.redis_url, settings.is_production, settings.migrate_on_start) == (
        None,
        False,
        True,
    )


def test_every_setting_has_a_variable() -> None:
    settings = Settings.from_env(
        {
            "APP_ENV": "production",
            "DATABASE_URL": "postgresql+asyncpg://app@db/tasks",
            "REDIS_URL": "redis://cache:6379/0",
            "JWT_SECRET": STRONG,
            "TOKEN_MINUTES": "15",
            "MIGRATE_ON_START": "0",
            "CORS_ORIGINS": "https://a.example, https://b.example",
        }
    )

    assert settings == Settings(
        environment="production",
        database_url="postgresql+asyncpg://app@db/tasks",
        redis_url="redis://cache:6379/0",
        jwt_secret=STRONG,
        token_minutes=15,
        migrate_on_start=False,
        cors_origins=("https://a.example", "https://b.example"),
    )


@pytest.mark.parametrize(
    "environ",
    [
        {"APP_ENV": "production"},
        {"APP_ENV": "production", "JWT_SECRET": DEV_ONLY_JWT_SECRET},
        {"APP_ENV": "production", "JWT_SECRET": "short"},
    ],
    ids=["no secret", "the development secret", "a short secret"],
)
def test_production_refuses_to_start_without_a_real_secret(environ: dict[str, str]) -> None:
    with pytest.raises(ConfigurationError, match="APP_ENV=production needs JWT_SECRET"):
        Settings.from_env(environ)


def test_an_unknown_environment_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="APP_ENV must be development or production"):
        Settings.from_env({"APP_ENV": "staging"})
