"""Ask again until the answer is the one awaited, in short steps, for a few seconds at most."""

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

STEP_SECONDS = 0.02  # a worker on the same machine finishes a small job in milliseconds
PATIENCE_SECONDS = 10.0  # long enough for a busy machine; a correct app never takes it all


def poll(ask: Callable[[], T], done: Callable[[T], bool], seconds: float = PATIENCE_SECONDS) -> T:
    """`ask()` until `done(answer)`; the last answer, done or not, when patience runs out."""
    deadline = time.monotonic() + seconds
    answer = ask()
    while not done(answer) and time.monotonic() < deadline:
        time.sleep(STEP_SECONDS)
        answer = ask()
    return answer
