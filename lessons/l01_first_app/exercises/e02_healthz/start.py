"""Move the health check: the platform polls /healthz and wants to know which service answers.

Your task (the whole contract is in task.md, or on the lesson page):
the health check must answer at GET /healthz (and no longer at /health), with
{"status": "ok", "service": "bookshop"}. The greeting stays as it is.
"""

from litestar import Litestar, get


@get("/")
async def hello() -> dict[str, str]:
    """Greet whoever asks."""
    return {"message": "Hello, Litestar!"}


# TODO: change this handler so it answers the new contract.
@get("/health", tags=["operations"])
async def health() -> dict[str, str]:
    """Report that the process is up and serving requests."""
    return {"status": "ok"}


app = Litestar(route_handlers=[hello, health])
