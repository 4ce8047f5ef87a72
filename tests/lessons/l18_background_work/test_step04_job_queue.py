"""Step 04: the API queues a job on Redis; a worker, in the app or in its own process, runs it."""

import inspect
import logging
import subprocess
import sys
from pathlib import Path

import httpx
import redis
from litestar import Litestar
from litestar.testing import TestClient
from litestar_saq import QueueConfig, SAQPlugin, Worker
from litestar_saq.cli import run_saq_worker

from lessons.l18_background_work.exercises.polling import PATIENCE_SECONDS, poll
from lessons.l18_background_work.queues import stop_workers
from lessons.l18_background_work.step04_job_queue import build_report, create_app
from tests.lessons.l18_background_work.conftest import environment_with
from tests.services import redis_url
from tests.transcripts import MakeTranscript

REPORT = {"month": "2026-11"}
BUILT = {"month": "2026-11", "orders": 2, "total": 235}
# `litestar workers run`, as a person would type it (step 4 of the page).
WORKER = [
    *(sys.executable, "-m", "litestar"),
    *("--app", "lessons.l18_background_work.step04_job_queue:api_app", "workers", "run"),
]


# A new Python process imports Litestar before it runs a job: seconds on a busy machine.
PROCESS_PATIENCE_SECONDS = 60.0


def until_complete(
    client: TestClient[Litestar], path: str, seconds: float = PATIENCE_SECONDS
) -> httpx.Response:
    return poll(
        lambda: client.get(path),
        lambda response: response.json()["status"] == "complete",
        seconds,
    )


def test_the_api_queues_and_a_worker_process_builds(
    queue: str, transcript: MakeTranscript, tmp_path: Path
) -> None:
    record = transcript("l18_background_work/report")
    log = tmp_path / "worker.log"
    with TestClient(create_app(in_process=False)) as client:
        accepted = record(client.post("/reports", json=REPORT), headers=["location"])
        location = accepted.headers["location"]
        # The API alone runs no job: the report waits in Redis for a worker.
        record(client.get(location))

        with log.open("w") as output:
            worker = subprocess.Popen(  # noqa: S603 - our own command line
                WORKER, env=environment_with(queue), stdout=output, stderr=subprocess.STDOUT
            )
            try:
                done = record(until_complete(client, location, PROCESS_PATIENCE_SECONDS))
            finally:
                worker.terminate()  # SIGTERM: what a process manager sends to stop it
                returncode = worker.wait(timeout=15)

    assert accepted.status_code == 202
    assert location == "/reports/report-2026-11"
    assert done.json() == {"id": "report-2026-11", "status": "complete", "result": BUILT}
    assert returncode == 0  # it stopped cleanly
    assert "Processing Job<function: build_report" in log.read_text()


def test_a_worker_inside_the_app_builds_it_too(queue: str) -> None:
    with TestClient(create_app()) as client:
        location = client.post("/reports", json=REPORT).headers["location"]
        done = until_complete(client, location)

    assert done.json()["result"] == BUILT


def test_the_same_month_twice_while_queued_is_one_job(queue: str) -> None:
    with TestClient(create_app(in_process=False)) as client:
        first = client.post("/reports", json=REPORT)
        second = client.post("/reports", json=REPORT)

    assert (
        first.json()
        == second.json()
        == {"id": "report-2026-11", "status": "queued", "result": None}
    )
    with redis.Redis.from_url(redis_url()) as direct:
        assert direct.llen(f"saq:{queue}:queued") == 1


def test_an_unknown_report_is_a_404_and_a_bad_month_a_400(queue: str) -> None:
    with TestClient(create_app(in_process=False)) as client:
        assert client.get("/reports/report-1999-01").status_code == 404
        assert client.post("/reports", json={"month": "2026-13"}).status_code == 400


def test_litestar_saq_leaves_the_stop_and_the_connections_to_us() -> None:
    # Known quirk (litestar-saq 0.8): the plugin's shutdown hook starts the worker's stop()
    # as a task nobody awaits, and nothing closes the queue's Redis connections; without
    # `stop_workers`, the sockets are left to the garbage collector (a ResourceWarning).
    # --8<-- [start:quirk-stop]
    shutdown = inspect.getsource(Worker.on_app_shutdown)
    # --8<-- [end:quirk-stop]
    assert "self._saq_asyncio_tasks = loop.create_task(self.stop())" in shutdown
    assert "disconnect" not in inspect.getsource(SAQPlugin)
    # Our hook runs first: the plugin appends its own hooks after the app's.
    hooks = create_app().on_shutdown
    assert hooks[0] is stop_workers
    assert len(hooks) == 3  # then the worker's on_app_shutdown, then remove_workers


class Remember(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_every_shutdown_logs_a_crashed_heartbeat_thread(queue: str) -> None:
    # Known quirk (litestar-saq 0.8): the worker's heartbeat thread is stopped by stopping
    # its event loop mid-run, which it logs as a crash. Harmless, and on every shutdown.
    app = create_app()  # it sets up logging anew, root handlers (and caplog's) included
    handler = Remember()
    crashes = handler.records
    logger = logging.getLogger("litestar_saq.heartbeat")
    level = logger.level  # exercise 3's checks silence it
    logger.setLevel(logging.ERROR)
    logger.addHandler(handler)
    try:
        with TestClient(app):
            pass
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)

    assert [(r.levelno, r.getMessage()) for r in crashes] == [
        (logging.ERROR, "HeartbeatManager thread crashed")
    ]


def test_workers_run_runs_only_queues_meant_for_a_separate_process() -> None:
    # `litestar workers run` starts a worker only where separate_process is True: hence
    # `api_app` (in_process=False) for the API beside a worker process.
    assert "if worker.separate_process:" in inspect.getsource(run_saq_worker)


def test_a_named_task_loses_its_name() -> None:
    # Known quirk (litestar-saq 0.8): QueueConfig keeps only the function of a
    # (name, function) pair, so a worker knows it by its own __qualname__.
    config = QueueConfig(dsn=redis_url(), tasks=[("reports", build_report)])

    assert list(config.tasks) == [build_report]
