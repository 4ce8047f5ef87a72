"""Schemathesis against every lesson step that serves HTTP: no 5xx, and every response matches
the OpenAPI schema the step publishes, for valid (positive) and invalid (negative) requests."""

from __future__ import annotations

import copy
import importlib
import inspect
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from litestar.stores.memory import MemoryStore

from lessons.l07_middleware import step02_builtin_middleware, step03_hooks
from lessons.l10_server_sent_events import step01_countdown, step02_progress, step03_resume
from lessons.l12_task_api.store import STORE
from lessons.manifest import LESSONS, Lesson, Step

schemathesis = pytest.importorskip("schemathesis", reason="install the fuzz group")

from schemathesis import Case  # noqa: E402 - after the importorskip above

from tests.fuzz.support import fuzz_schema, operations  # noqa: E402 - needs schemathesis
from tests.services import delete_saq_queue, require_redis  # noqa: E402

# Requests pinned rather than generated, each for a reason that is not a bug in the lesson.
FIXED: dict[str, dict[str, dict[str, Any]]] = {
    # Litestar documents `{value:path}` as a string with `format: uri`; schemathesis cannot
    # make a URI without "/" for one path segment, so it could generate no valid request.
    # Negative mode still fuzzes the route.
    "l02_routing.step02_path_types": {
        "GET /files/{value}": {"path_parameters": {"value": "notes/today.txt"}}
    },
}
# Requests a lesson answers with a 500 on purpose, to teach what a crash does.
DELIBERATE: dict[str, Callable[[Case[Any]], bool]] = {
    # `?fail=true` makes the handler raise: the lesson shows the path a crash takes.
    # Anything Litestar reads as true counts (true, 1, yes, on...), whatever its case.
    "l07_middleware.step06_lifecycle": lambda case: (
        str((case.query or {}).get("fail")).lower() in {"true", "1", "yes", "on", "t", "y"}
    ),
}

# Headers every request to a step carries, the schema's included.
HEADERS: dict[str, dict[str, str]] = {
    # Lesson 21 step 03 answers only for its own names (AllowedHostsConfig): 400 otherwise.
    "l21_deployment.step03_proxy": {"host": "parcels.example"},
}

STEPS = [
    pytest.param(lesson, step, id=f"{lesson.package}.{step.module}")
    for lesson in LESSONS
    for step in lesson.steps()
]


def import_step(lesson: Lesson, step: Step) -> ModuleType:
    try:
        return importlib.import_module(f"lessons.{lesson.package}.{step.module}")
    except ModuleNotFoundError as missing:
        pytest.skip(f"lesson {lesson.number} needs extras {lesson.extras}: {missing}")


def build_app(module: ModuleType, tmp_path: Path, request: pytest.FixtureRequest) -> Any:
    """The step's app; apps that take a database URL get a fresh SQLite file, and apps with a
    job queue (lesson 18) the test Redis and a queue name of their own."""
    create_app = getattr(module, "create_app", None)
    if create_app is not None and "redis_url" in inspect.signature(create_app).parameters:
        url, queue = require_redis(), f"l18-fuzz-{uuid.uuid4().hex[:12]}"
        request.getfixturevalue("monkeypatch").setenv("LESSON18_QUEUE", queue)
        request.addfinalizer(lambda: delete_saq_queue(url, queue))
        return create_app(redis_url=url)
    if create_app is None or "database_url" not in inspect.signature(create_app).parameters:
        return module.app
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'fuzz.sqlite3'}"
    config = getattr(module, "database_config", None)
    if config is not None and config(database_url).alembic_config is not None:
        # Lesson 13 step 05: the schema comes from migrations, not create_all.
        from advanced_alchemy.extensions.litestar import AlembicCommands  # noqa: PLC0415 - db extra

        AlembicCommands(sqlalchemy_config=config(database_url)).upgrade("head")
    return create_app(database_url)


# Module-level stores that the lessons' conftests reset, as (module, attribute): each is
# put back as it was after every app, so no step's fuzzing sees another step's leftovers.
STORES = (
    ("lessons.l02_routing.step01_verbs", "PRODUCTS"),
    ("lessons.l04_request_bodies.step01_pydantic", "BOOKS"),
    ("lessons.l04_request_bodies.step02_msgspec", "BOOKS"),
    ("lessons.l04_request_bodies.step03_attrs", "BOOKS"),
    ("lessons.l04_request_bodies.step04_dataclass", "BOOKS"),
    ("lessons.l04_request_bodies.step07_responses", "BOOKS"),
    ("lessons.l05_responses.library", "BOOKS"),
    ("lessons.l05_responses.step01_redirects", "LOANS"),
    ("lessons.l06_dependency_injection.step04_yield", "EVENTS"),
    ("lessons.l07_middleware.step03_hooks", "NOTES"),
    ("lessons.l07_middleware.step04_error_shape", "STOCK"),
    ("lessons.l07_middleware.step06_lifecycle", "TRACE"),
    ("lessons.l08_dtos.users", "USERS"),
    ("lessons.l08_dtos.orders", "ORDERS"),
    ("lessons.l08_dtos.step06_pydantic", "USERS"),
    ("lessons.l08_dtos.step07_msgspec", "USERS"),
    ("lessons.l09_websockets.step02_listener", "ONLINE"),
    ("lessons.l10_server_sent_events.step04_disconnect", "STREAMS"),
    ("lessons.l11_openapi.library", "BOOKS"),
    ("lessons.l18_background_work.step01_background_task", "OUTBOX"),
    ("lessons.l18_background_work.step02_background_tasks", "OUTBOX"),
    ("lessons.l18_background_work.step02_background_tasks", "NEWSLETTER"),
    ("lessons.l18_background_work.step03_events", "OUTBOX"),
    ("lessons.l18_background_work.step03_events", "NEWSLETTER"),
)


def optional_module(name: str) -> ModuleType | None:
    """The module, or None when its lesson's extras are not installed."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError:
        return None


def restore(store: Any, saved: Any) -> None:
    store.clear()
    if isinstance(store, list):
        store.extend(saved)
    else:  # a dict or a set
        store.update(saved)


@pytest.fixture(autouse=True)
def fresh_lesson_state(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each step's app starts from the state its lesson's tests start from (their conftests)."""
    stores = [
        getattr(module, attribute)
        for name, attribute in STORES
        if (module := optional_module(name)) is not None
    ]
    # One deepcopy of them all keeps shared objects shared (lesson 08: order 1's customer).
    saved = copy.deepcopy(stores)
    # The pauses only make the streams watchable by a person; fuzzing does not wait.
    for step in (step01_countdown, step02_progress, step03_resume):
        monkeypatch.setattr(step, "SECONDS_BETWEEN_EVENTS", 0)
    # An empty rate-limit store per app: the limiter's 429 must match the schema too.
    step02_builtin_middleware.app.stores.register("rate_limit", MemoryStore(), allow_override=True)
    step03_hooks.app.state.update({"read_only": False, "responses_sent": 0})
    # Lesson 18's pauses stand for a slow mail server and a slow report: not waited for here.
    for name in ("step01_background_task", "step02_background_tasks", "step03_events"):
        if (lesson18 := optional_module(f"lessons.l18_background_work.{name}")) is not None:
            monkeypatch.setattr(lesson18, "SECONDS_TO_SEND", 0)
    STORE.reset()
    accounts = optional_module("lessons.l15_auth.accounts")
    if accounts is not None:
        from argon2 import PasswordHasher  # noqa: PLC0415 - lesson 15's extra

        # The weakest legal argon2 costs, as lesson 15's tests use: each hash takes microseconds.
        monkeypatch.setattr(accounts.USERS, "users", {})
        cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
        monkeypatch.setattr(accounts.USERS, "hasher", cheap)
        monkeypatch.delenv("LESSON15_ADMIN_PASSWORD", raising=False)
    yield
    for store, original in zip(stores, copy.deepcopy(saved), strict=True):
        restore(store, original)
    STORE.reset()


@pytest.mark.parametrize(("lesson", "step"), STEPS)
def test_every_operation_survives_fuzzing(
    lesson: Lesson, step: Step, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    module = import_step(lesson, step)
    app = build_app(module, tmp_path, request)
    # Every lesson app serves its schema at Litestar's default /schema (checked: none moves it).
    key = f"{lesson.package}.{step.module}"
    headers = HEADERS.get(key, {})
    schema = schemathesis.openapi.from_asgi("/schema/openapi.json", app, headers=headers)
    if not operations(schema):
        pytest.skip("no HTTP operations: this step only serves WebSockets")
    failures = fuzz_schema(
        schema, headers=headers, fixed=FIXED.get(key), deliberate=DELIBERATE.get(key)
    )
    assert not failures, "\n\n".join(failures)
