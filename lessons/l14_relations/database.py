"""The lesson's database config, one place for what every step shares."""

# --8<-- [start:config]
from advanced_alchemy.extensions.litestar import SQLAlchemyAsyncConfig, SQLAlchemyPlugin
from litestar.plugins import PluginProtocol

from lessons.l13_databases.database import close_engine

DATABASE_URL = "sqlite+aiosqlite:///lesson14.sqlite3"  # a file in the current directory


def database(database_url: str) -> tuple[SQLAlchemyAsyncConfig, PluginProtocol]:
    """The config (for close_engine) and the plugin, as in lesson 13."""
    config = SQLAlchemyAsyncConfig(
        connection_string=database_url,
        create_all=True,  # a lesson's shortcut; lesson 13 step 5 shows migrations
        # One transaction per request: commit on 2xx, roll back otherwise (step 3).
        before_send_handler="autocommit",
    )
    return config, SQLAlchemyPlugin(config=config)


# --8<-- [end:config]
__all__ = ["DATABASE_URL", "close_engine", "database"]
