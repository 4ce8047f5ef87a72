"""Sessions in Redis: every server process sees them, and they survive a restart."""

# --8<-- [start:app]
import os

from litestar import Litestar
from litestar.stores.base import Store
from litestar.stores.redis import RedisStore

from lessons.l15_auth.step01_passwords import register
from lessons.l16_sessions.step01_sessions import SESSIONS, logout, me, session_auth
from lessons.l16_sessions.step02_fixation import login

REDIS_URL_ENV_VAR = "LESSON16_REDIS_URL"


def create_app(redis_url: str | None = None, namespace: str = "lesson16") -> Litestar:
    stores: dict[str, Store] = {}
    if redis_url:
        # Keys are "<namespace>:<session id>", each with SESSIONS.max_age as its expiry.
        # with_client makes the connection pool; the app closes it at shutdown.
        stores[SESSIONS.store] = RedisStore.with_client(redis_url, namespace=namespace)
    return Litestar(
        route_handlers=[register, login, me, logout],
        stores=stores,  # without Redis: {} and the in-memory default, as in steps 1 and 2
        on_app_init=[session_auth.on_app_init],
    )


app = create_app(os.environ.get(REDIS_URL_ENV_VAR))
# --8<-- [end:app]
