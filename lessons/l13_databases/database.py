"""Closing the engine when the app stops, which advanced-alchemy 1.12 does not always do."""

# --8<-- [start:close-engine]
from collections.abc import Awaitable, Callable

from advanced_alchemy.extensions.litestar import SQLAlchemyAsyncConfig


def close_engine(config: SQLAlchemyAsyncConfig) -> Callable[[], Awaitable[None]]:
    """An on_shutdown hook that closes the config's pooled connections.

    The plugin closes them itself only for the first config a process creates
    (it checks a state key that it renames for every later config). One app per
    process never notices; a test suite that builds an app per test leaks a
    database connection per test without this.
    """

    async def close() -> None:
        await config.get_engine().dispose()

    return close


# --8<-- [end:close-engine]
