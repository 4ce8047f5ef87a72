"""Step 04: after SIGTERM, uvicorn refuses new connections, lets requests in flight finish
within --timeout-graceful-shutdown, cancels the rest, and exits."""

import signal
import threading
import time

import httpx
import pytest
import uvicorn
from litestar.testing import TestClient

from lessons.l21_deployment import step04_shutdown
from lessons.manifest import ROOT
from tests.lessons.l21_deployment.conftest import server_plans
from tests.servers import Started

PATIENCE = 10.0  # seconds: a bound on how long anything may take, never a timing assertion


@pytest.fixture
def patient(servers: dict[str, Started]) -> Started:
    return servers["patient"]  # reports take 4 s; a shutdown waits up to 8 s


@pytest.fixture
def hurried(servers: dict[str, Started]) -> Started:
    return servers["hurried"]  # reports take a minute; a shutdown waits 1 s


def report_in_flight(server: Started) -> tuple[threading.Thread, list[object]]:
    """Start GET /reports/daily in a thread; return once the handler is running."""
    outcome: list[object] = []

    def ask() -> None:
        try:
            outcome.append(httpx.get(f"{server.base}/reports/daily", timeout=PATIENCE * 6))
        except httpx.TransportError as error:
            outcome.append(error)

    thread = threading.Thread(target=ask)
    thread.start()
    deadline = time.monotonic() + PATIENCE
    while httpx.get(f"{server.base}/reports/running").json()["reports"] == 0:
        assert time.monotonic() < deadline, "the report never started"
        time.sleep(0.02)
    return thread, outcome


def refused_after_sigterm(server: Started) -> bool:
    """Ask on new connections until one is refused (True), within PATIENCE."""
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{server.base}/reports/running")
        except httpx.ConnectError:
            return True
        except httpx.TransportError:
            # A connection that raced the shutdown: the kernel had accepted it, and uvicorn
            # closed it unanswered when it stopped listening. Not yet a refusal; ask again.
            pass
        time.sleep(0.02)
    return False


def test_sigterm_refuses_new_connections_and_the_report_in_flight_finishes(
    patient: Started,
) -> None:
    thread, outcome = report_in_flight(patient)
    patient.process.send_signal(signal.SIGTERM)

    assert refused_after_sigterm(patient)
    assert thread.is_alive()  # the report is still being built while new connections fail
    thread.join(PATIENCE)
    [response] = outcome
    assert isinstance(response, httpx.Response)
    assert response.status_code == 200
    # uvicorn raises the signal again once it has shut down: killed by SIGTERM, 143 in a shell.
    assert patient.process.wait(PATIENCE) == -signal.SIGTERM


def test_past_the_timeout_the_request_is_cancelled_and_answered_500(hurried: Started) -> None:
    thread, outcome = report_in_flight(hurried)
    hurried.process.send_signal(signal.SIGTERM)

    # Well before the minute the report needs: the bound is --timeout-graceful-shutdown.
    assert hurried.process.wait(PATIENCE) == -signal.SIGTERM
    thread.join(PATIENCE)
    [response] = outcome
    assert isinstance(response, httpx.Response)
    assert response.status_code == 500
    assert "Cancel 1 running task(s), timeout graceful shutdown exceeded" in hurried.output()


def test_without_the_flag_uvicorn_waits_for_ever() -> None:
    assert uvicorn.Config(step04_shutdown.app).timeout_graceful_shutdown is None


def test_the_report_and_the_count_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(step04_shutdown, "REPORT_SECONDS", 0)
    with TestClient(step04_shutdown.app) as client:
        report = client.get("/reports/daily")
        running = client.get("/reports/running")

    assert report.json() == {"report": "daily", "parcels": "all delivered"}
    assert running.json() == {"reports": 0}


def test_the_page_gives_the_patient_servers_report_and_timeout() -> None:
    command, _, _, env = server_plans()["patient"]
    seconds = env["PARCELS_REPORT_SECONDS"]
    timeout = command[command.index("--timeout-graceful-shutdown") + 1]
    page = (ROOT / "docs" / "lessons" / "21-deployment.md").read_text(encoding="utf-8")

    assert f"{seconds} s report on a server run with `--timeout-graceful-shutdown {timeout}`" in (
        " ".join(page.split())
    )
