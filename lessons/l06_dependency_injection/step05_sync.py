"""Sync providers: say whether they may block, with sync_to_thread."""

# --8<-- [start:app]
import threading
from dataclasses import dataclass
from importlib.metadata import version

from litestar import Litestar, get
from litestar.di import NamedDependency, Provide


@dataclass(frozen=True)
class Versions:
    litestar: str
    msgspec: str
    thread: int  # which thread built this value


# --8<-- [start:providers]
def read_versions() -> Versions:
    # importlib.metadata reads files under site-packages: blocking I/O, so this
    # must not run on the event loop, where it would stall every other request.
    return Versions(version("litestar"), version("msgspec"), threading.get_ident())


def default_page_size() -> int:
    return 20  # pure and instant: running it in a thread would only add overhead


# --8<-- [end:providers]


@get("/about")
async def about(
    versions: NamedDependency[Versions], page_size: NamedDependency[int]
) -> dict[str, object]:
    return {
        "litestar": versions.litestar,
        "msgspec": versions.msgspec,
        "page_size": page_size,
        # The handler is async, so it runs on the event loop's thread.
        "versions_built_off_the_event_loop": versions.thread != threading.get_ident(),
    }


app = Litestar(
    route_handlers=[about],
    dependencies={
        # --8<-- [start:flags]
        "versions": Provide(read_versions, sync_to_thread=True),  # may block: use a thread
        "page_size": Provide(default_page_size, sync_to_thread=False),  # cannot block
        # --8<-- [end:flags]
    },
)
# --8<-- [end:app]
