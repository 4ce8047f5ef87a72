"""Lesson 12's in-memory task API, seeded, for `uvicorn --factory bench.lesson12:create_app`.

The store lives in the server process, so it has to be seeded there: uvicorn calls this
factory once, in the process that serves. BENCH_TASKS says how many tasks (default 50).
"""

from __future__ import annotations

import os

from litestar import Litestar

from bench import TASKS_VARIABLE
from lessons.l12_task_api.step03_patch_delete import app, seed


def create_app() -> Litestar:
    seed(int(os.environ.get(TASKS_VARIABLE, "50")))
    return app
