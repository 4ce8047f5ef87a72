"""Step 02: several worker processes answer one port, and each ran the start-up hooks itself."""

import os
import time

import httpx
import pytest
from litestar.testing import TestClient

from bench.lesson21 import GRANIAN, UVICORN
from lessons.l21_deployment.step02_workers import app
from tests.lessons.l21_deployment.conftest import STARTUP_BOUND, WORKERS, port_of
from tests.servers import Started

# A bound, not a timing: how long to keep asking before calling a worker missing. The
# server counted as started once one worker answered; the other may still be importing.
PATIENCE = STARTUP_BOUND


def answers_until_every_worker_answered(port: int) -> list[dict[str, int]]:
    """GET /process on a new connection each time, until WORKERS processes have answered."""
    answers: list[dict[str, int]] = []
    deadline = time.monotonic() + PATIENCE
    while len({answer["pid"] for answer in answers}) < WORKERS and time.monotonic() < deadline:
        # A new connection each time: a kept-alive one stays with the worker that accepted it.
        answers.append(httpx.get(f"http://127.0.0.1:{port}/process").json())
    return answers


@pytest.mark.parametrize("server", [UVICORN, GRANIAN])
def test_each_worker_is_a_process_that_ran_the_startup_hooks_itself(
    server: str, servers: dict[str, Started]
) -> None:
    answers = answers_until_every_worker_answered(port_of(servers[server]))

    pids = {answer["pid"] for answer in answers}
    assert len(pids) == WORKERS
    assert os.getpid() not in pids
    # The hook ran in the very process that answered: once per worker, not once per server.
    assert all(answer["startup_pid"] == answer["pid"] for answer in answers)


def test_in_one_process_the_hook_ran_in_the_process_that_answers() -> None:
    with TestClient(app) as client:
        answer = client.get("/process").json()

    assert answer == {"pid": os.getpid(), "startup_pid": os.getpid()}
