"""Several worker processes, under uvicorn or under granian."""

# --8<-- [start:app]
import os

from litestar import Litestar, get
from litestar.datastructures import State
from litestar_granian import GranianPlugin


def remember_startup(app: Litestar) -> None:
    # Start-up hooks run once in every worker process, not once for the whole server.
    app.state.startup_pid = os.getpid()


@get("/process")
async def process(state: State) -> dict[str, int]:
    # Each worker is its own process, with its own memory: this tells which one answered.
    return {"pid": os.getpid(), "startup_pid": state.startup_pid}


app = Litestar(
    route_handlers=[process],
    on_startup=[remember_startup],
    # Replaces `litestar run` with granian's supervisor; uvicorn ignores the plugin.
    plugins=[GranianPlugin()],
)
# --8<-- [end:app]
