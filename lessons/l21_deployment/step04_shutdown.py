"""Graceful shutdown: what happens to the requests in flight when the server is told to stop."""

# --8<-- [start:app]
import asyncio
import os

from litestar import Litestar, get

# How long a report takes to build. Small by default; set it higher to watch a shutdown:
# PARCELS_REPORT_SECONDS=5 uvicorn lessons.l21_deployment.step04_shutdown:app
REPORT_SECONDS = float(os.environ.get("PARCELS_REPORT_SECONDS", "0.1"))
RUNNING = {"reports": 0}  # reports being built right now, in this process


@get("/reports/daily")
async def daily_report() -> dict[str, str]:
    RUNNING["reports"] += 1
    try:
        await asyncio.sleep(REPORT_SECONDS)  # stands for slow work: queries, a file to render
        return {"report": "daily", "parcels": "all delivered"}
    finally:
        RUNNING["reports"] -= 1


@get("/reports/running")
async def running_reports() -> dict[str, int]:
    return RUNNING


app = Litestar(route_handlers=[daily_report, running_reports])
# --8<-- [end:app]
