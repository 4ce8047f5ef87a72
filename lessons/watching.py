"""Call a function every time one file is saved: file-system events, or polling as a fallback.

Events come from watchfiles (installed with ``uvicorn[standard]``). Where they never arrive
(some network drives, containers with mounted folders, WSL reading a Windows folder) or the
watcher cannot start, ``--poll`` (or the automatic fallback) compares the file's modification
time and size twice a second instead.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path

POLL_SECONDS = 0.5
# watchfiles waits this long for more changes before it reports them: an editor's save is
# often several writes (or a write to a temporary file and a rename).
DEBOUNCE_MS = 300

Stamp = tuple[int, int] | None


def watch_file(
    path: Path,
    on_change: Callable[[], None],
    *,
    poll: bool = False,
    stop: threading.Event | None = None,
) -> None:
    """Call ``on_change`` after each save of ``path`` until ``stop`` is set (or Ctrl+C).

    ``path`` may be a folder (a capstone challenge's copy): then a save of any file in it counts.
    """
    stop = stop or threading.Event()
    if not poll:
        try:
            _watch_events(path, on_change, stop)
        except (ImportError, OSError, RuntimeError) as error:
            print(
                f"File-change events are not available here ({type(error).__name__}: {error});"
                f" falling back to polling every {POLL_SECONDS} s.",
                file=sys.stderr,
                flush=True,
            )
        else:
            return
    else:
        print(f"Polling for changes every {POLL_SECONDS} s (--poll).", flush=True)
    poll_file(path, on_change, stop)


def _watch_events(path: Path, on_change: Callable[[], None], stop: threading.Event) -> None:
    import watchfiles  # noqa: PLC0415 - only `watch` needs it, and only without --poll

    # watchfiles logs "1 change detected" at INFO, and the learner's app may have set up
    # logging that shows it: the check's result is all a save should print.
    logging.getLogger("watchfiles").setLevel(logging.WARNING)
    target = path.resolve()
    folder = target.is_dir()

    def is_the_file(_change: watchfiles.Change, changed: str) -> bool:
        if folder:
            return _counts(Path(changed))
        return Path(changed).resolve() == target

    # The folder is watched, not the file: editors that save by renaming a temporary file
    # over it replace the file, and a watch on the old file would never fire again.
    for _changes in watchfiles.watch(
        target if folder else target.parent,
        watch_filter=is_the_file,
        debounce=DEBOUNCE_MS,
        stop_event=stop,
        recursive=folder,
    ):
        if target.exists():
            on_change()


def _counts(path: Path) -> bool:
    """A file of the learner's in a challenge's copy: not what Python or pytest write."""
    return not {"__pycache__", ".pytest_cache"} & set(path.parts) and path.suffix != ".pyc"


def stamp(path: Path) -> Stamp:
    """When ``path`` last changed, and its size; of a folder, of every file of the learner's."""
    try:
        if path.is_dir():
            found = [file.stat() for file in path.rglob("*") if file.is_file() and _counts(file)]
            return max((s.st_mtime_ns for s in found), default=0), sum(s.st_size for s in found)
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_mtime_ns, status.st_size


def poll_file(path: Path, on_change: Callable[[], None], stop: threading.Event) -> None:
    last = stamp(path)
    while not stop.wait(POLL_SECONDS):
        now = stamp(path)
        if now != last and now is not None:
            on_change()
        last = now
