"""``watch``: a save re-runs the checks, by file-system events or by polling when they fail."""

from __future__ import annotations

import argparse
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import watchfiles

from lessons import exercise_commands, watching
from tests.project.conftest import REAL, Run, solve

WAIT = 20.0  # seconds; a save is seen well within this even on a loaded machine


def watch_in_thread(
    path: Path, *, poll: bool
) -> tuple[threading.Event, list[float], threading.Thread]:
    stop = threading.Event()
    calls: list[float] = []
    thread = threading.Thread(
        target=watching.watch_file,
        args=(path, lambda: calls.append(time.monotonic())),
        kwargs={"poll": poll, "stop": stop},
        daemon=True,
    )
    thread.start()
    return stop, calls, thread


def wait_for(condition: Callable[[], bool], seconds: float = WAIT) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def save_until_seen(path: Path, calls: list[float]) -> None:
    """Save the file, again now and then, until the watcher reports it (it may start late)."""
    deadline = time.monotonic() + WAIT
    count = 0
    while not calls and time.monotonic() < deadline:
        count += 1
        path.write_text(f"# save {count}\n")
        wait_for(lambda: bool(calls), seconds=1.0)


@pytest.mark.parametrize("poll", [False, True], ids=["events", "polling"])
def test_a_save_calls_back_and_other_files_do_not(tmp_path: Path, poll: bool) -> None:
    path = tmp_path / "e01.py"
    path.write_text("# start\n")
    stop, calls, thread = watch_in_thread(path, poll=poll)
    try:
        save_until_seen(path, calls)
        assert calls, "a save of the watched file was never reported"
        calls.clear()  # the watcher is running now: a save of another file must not count
        (tmp_path / "other.py").write_text("# not watched\n")
        assert not wait_for(lambda: bool(calls), seconds=1.5)
    finally:
        stop.set()
        thread.join(WAIT)
    assert not thread.is_alive(), "setting the stop event ends the watch"


def test_watchfiles_own_messages_stay_out_of_the_output(tmp_path: Path) -> None:
    # An app that sets up logging at INFO would otherwise show "1 change detected" each save.
    logger = logging.getLogger("watchfiles")
    level = logger.level
    logger.setLevel(logging.INFO)
    stop = threading.Event()
    stop.set()
    try:
        watching.watch_file(tmp_path / "e01.py", lambda: None, stop=stop)
        assert logger.level == logging.WARNING
    finally:
        logger.setLevel(level)


def test_a_file_replaced_by_a_rename_is_still_seen(tmp_path: Path) -> None:
    # How many editors save: write a temporary file, then rename it over the old one.
    path = tmp_path / "e01.py"
    path.write_text("# start\n")
    stop, calls, thread = watch_in_thread(path, poll=False)
    try:
        deadline = time.monotonic() + WAIT
        while not calls and time.monotonic() < deadline:
            temporary = tmp_path / ".e01.py.swp~"
            temporary.write_text("# saved\n")
            temporary.replace(path)
            wait_for(lambda: bool(calls), seconds=1.0)
        assert calls
    finally:
        stop.set()
        thread.join(WAIT)


def test_when_events_cannot_start_it_says_so_and_polls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*paths: object, **options: object) -> None:
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(watchfiles, "watch", broken)
    monkeypatch.setattr(watching, "POLL_SECONDS", 0.05)
    path = tmp_path / "e01.py"
    path.write_text("# start\n")
    stop, calls, thread = watch_in_thread(path, poll=False)
    try:
        save_until_seen(path, calls)
        assert calls
    finally:
        stop.set()
        thread.join(WAIT)
    assert capsys.readouterr().err == (
        "File-change events are not available here (OSError: [Errno 28] inotify watch limit"
        " reached); falling back to polling every 0.05 s.\n"
    )


def test_polling_ignores_a_file_that_is_briefly_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "e01.py"
    stamps = iter([(1, 1), None, (2, 1), (2, 1)])
    monkeypatch.setattr(watching, "stamp", lambda _: next(stamps))
    calls: list[int] = []

    def seen() -> None:
        calls.append(1)

    class Ticks:
        """stop.wait() stand-in: three ticks, then stop."""

        left = 3

        def wait(self, _: float) -> bool:
            self.left -= 1
            return self.left < 0

    watching.poll_file(path, seen, Ticks())  # type: ignore[arg-type]
    assert calls == [1]  # the file came back changed: one call; missing: none


def test_a_missing_file_has_no_stamp(tmp_path: Path) -> None:
    assert watching.stamp(tmp_path / "nowhere.py") is None


def test_the_watch_command_checks_first_then_again_after_each_save(
    run: Run, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def one_save_then_ctrl_c(
        path: Path, on_change: Callable[[], None], *, poll: bool, stop: object
    ) -> None:
        assert (path, poll) == (REAL.working, True)
        solve(REAL)
        on_change()
        raise KeyboardInterrupt

    monkeypatch.setattr(watching, "watch_file", one_save_then_ctrl_c)

    code, out, _ = run("watch", "1", "1", "--poll")

    assert code == 0
    first, second = out.split("\n\nWatching ", 1)
    assert "  1 of 3 checks pass." in first
    assert "  All 3 checks pass: done!" in second
    assert out.endswith("Stopped watching.\n")


def test_watch_with_no_arguments_watches_the_current_exercise(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stop = threading.Event()
    stop.set()  # stop at once: only the first check runs
    args = argparse.Namespace(lesson=None, exercise=None, poll=True)

    assert exercise_commands._watch(args, stop=stop) == 0
    out = capsys.readouterr().out
    assert out.startswith("Lesson 01 · exercise 1")
    assert f"Watching {REAL.working}: save it to check again (Ctrl+C stops)." in out


@pytest.mark.parametrize("poll", [False, True], ids=["events", "polling"])
def test_a_save_anywhere_in_a_challenges_copy_calls_back(tmp_path: Path, poll: bool) -> None:
    # A capstone challenge's copy is a folder: a save of any of its files counts.
    copy = tmp_path / "c01_labels"
    (copy / "capstone" / "__pycache__").mkdir(parents=True)
    stop, calls, thread = watch_in_thread(copy, poll=poll)
    try:
        save_until_seen(copy / "capstone" / "models.py", calls)
        assert calls
    finally:
        stop.set()
        thread.join(WAIT)


def test_what_python_writes_in_a_copy_does_not_count(tmp_path: Path) -> None:
    (tmp_path / "capstone" / "__pycache__").mkdir(parents=True)
    before = watching.stamp(tmp_path)

    (tmp_path / "capstone" / "__pycache__" / "models.cpython-311.pyc").write_bytes(b"x")
    (tmp_path / "compiled.pyc").write_bytes(b"x")

    assert watching.stamp(tmp_path) == before == (0, 0)
    (tmp_path / "capstone" / "models.py").write_text("x = 1\n")
    assert watching.stamp(tmp_path) != before
