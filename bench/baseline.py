"""The limit the capstone is measured against: the same work with no framework.

`uvicorn --factory bench.baseline:create_app`: a bare ASGI callable on the capstone's own
database (DATABASE_URL, migrated), answering the three benchmarked routes with the statements
the capstone sends, on the same driver and the same fixed pool, with the bearer token checked
as the capstone checks it (PyJWT: HS256, issuer, audience, expiry; a numeric subject), the
request body validated by the capstone's own msgspec struct, and on SQLite the same single
writer. No routing table, no dependency injection, no middleware, no ORM objects: what is
left is the driver, the database, the token and the JSON.

GET /health · GET /tasks?limit=N · GET /tasks/{id} · POST /tasks
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs

import jwt
import msgspec
from sqlalchemy import Integer, bindparam, column, event, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bench.served import count_connections
from capstone.domain.tasks import VIEW, Task
from capstone.domain.values import PRIORITY_RANK, Status
from capstone.http.auth import AUDIENCE, ISSUER
from capstone.http.schemas import NewTask
from capstone.storage.database import POOL_SIZE, POOL_TIMEOUT

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]

COLUMNS = (
    "id, title, description, priority, status, due_date, created_at, updated_at,"
    " completed_at, version"
)
TOTAL_SQL = "SELECT task_count FROM user_account WHERE id = :owner"
TOTAL = text(TOTAL_SQL)
# The page and its total in one statement, as the capstone sends it (domain/tasks.py).
# The SQL is written out, but its values are read and written with the columns' types, as
# the capstone's are: enums as strings, and on SQLite the timestamps in SQLAlchemy's format.
PAGE = text(
    f"SELECT {COLUMNS}, ({TOTAL_SQL}) AS total FROM task"  # noqa: S608 - constants only
    " WHERE task.owner_id = :owner"
    " ORDER BY task.created_at ASC, task.id ASC LIMIT :limit OFFSET :offset"
).columns(*VIEW, column("total", Integer))
ONE = text(
    f"SELECT {COLUMNS} FROM task WHERE task.id = :id AND task.owner_id = :owner"  # noqa: S608
).columns(*VIEW)
INSERT = (
    text(
        "INSERT INTO task (owner_id, title, description, priority, priority_rank, status,"  # noqa: S608 - constants only
        " due_date, completed_at, version, created_at, updated_at) VALUES (:owner, :title,"
        " :description, :priority, :rank, :status, :due_date, :completed_at, 1, :now, :now)"
        f" RETURNING {COLUMNS}"
    )
    .bindparams(
        bindparam("priority", type_=Task.__table__.c.priority.type),
        bindparam("status", type_=Task.__table__.c.status.type),
        bindparam("due_date", type_=Task.__table__.c.due_date.type),
        bindparam("completed_at", type_=Task.__table__.c.completed_at.type),
        bindparam("now", type_=Task.__table__.c.created_at.type),
    )
    .columns(*VIEW)
)
COUNT = text("UPDATE user_account SET task_count = task_count + 1 WHERE id = :owner")
JSON = [(b"content-type", b"application/json")]
ENCODER = msgspec.json.Encoder()
NEW_TASK = msgspec.json.Decoder(NewTask)


class ProblemError(Exception):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status


class Baseline:
    def __init__(self, url: str, secret: str) -> None:
        self.sqlite = url.startswith("sqlite")
        self.secret = secret
        self.engine: AsyncEngine = create_async_engine(
            url, pool_size=POOL_SIZE, max_overflow=0, pool_timeout=POOL_TIMEOUT
        )
        # Reads without a transaction, as the capstone's (PostgreSQL; SQLite's driver opens
        # none before a read anyway).
        self.reader = (
            self.engine
            if self.sqlite
            else self.engine.execution_options(isolation_level="AUTOCOMMIT")
        )
        self.writer = asyncio.Lock() if self.sqlite else None
        if self.sqlite:
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)

    def owner(self, scope: Scope) -> int:
        for name, value in scope["headers"]:
            if name == b"authorization" and value[:7].lower() == b"bearer ":
                try:
                    claims = jwt.decode(
                        value[7:].decode(),
                        self.secret,
                        algorithms=["HS256"],
                        issuer=ISSUER,
                        audience=AUDIENCE,
                        options={"require": ["exp", "iss", "aud"]},
                    )
                except jwt.PyJWTError:
                    break
                sub = str(claims.get("sub", ""))
                if sub.isascii() and sub.isdigit() and int(sub) < 2**63:
                    return int(sub)
                break
        raise ProblemError(401, "No valid bearer token")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.lifespan(receive, send)
            return
        try:
            status, body, headers = await self.route(scope, receive)
        except ProblemError as problem:
            status, headers = problem.status, []
            body = ENCODER.encode({"status": problem.status, "detail": str(problem)})
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [*JSON, (b"content-length", str(len(body)).encode()), *headers],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.engine.dispose()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def route(self, scope: Scope, receive: Receive) -> tuple[int, bytes, list[Any]]:
        method, path = scope["method"], scope["path"]
        if path == "/health":
            return 200, b'{"status":"ok"}', []
        owner = self.owner(scope)
        if path == "/tasks" and method == "GET":
            return 200, await self.page(owner, parse_qs(scope["query_string"].decode())), []
        if path == "/tasks" and method == "POST":
            return await self.create(owner, await _body(receive))
        if path.startswith("/tasks/") and path[7:].isdigit() and method == "GET":
            task = await self.get(owner, int(path[7:]))
            return 200, ENCODER.encode(task), [(b"etag", f'"{task["version"]}"'.encode())]
        raise ProblemError(404, "Not found")

    async def page(self, owner: int, query: dict[str, list[str]]) -> bytes:
        limit = int(query.get("limit", ["20"])[0])
        offset = int(query.get("offset", ["0"])[0])
        if not 1 <= limit <= 100 or offset < 0:  # the capstone's bounds
            raise ProblemError(400, "Bad page")
        async with self.reader.connect() as connection:
            rows = await connection.execute(
                PAGE, {"owner": owner, "limit": limit, "offset": offset}
            )
            items = [row._asdict() for row in rows]
            # An empty page asks for the total on its own, as the capstone does.
            total = items[0]["total"] if items else await connection.scalar(TOTAL, {"owner": owner})
            for item in items:
                del item["total"]
        return ENCODER.encode({"items": items, "limit": limit, "offset": offset, "total": total})

    async def get(self, owner: int, task_id: int) -> dict[str, Any]:
        async with self.reader.connect() as connection:
            row = (await connection.execute(ONE, {"id": task_id, "owner": owner})).first()
        if row is None:
            raise ProblemError(404, f"There is no task {task_id}")
        return row._asdict()

    async def create(self, owner: int, body: bytes) -> tuple[int, bytes, list[Any]]:
        try:
            new = NEW_TASK.decode(body)
        except msgspec.ValidationError as error:
            raise ProblemError(400, str(error)) from None
        now = datetime.now(UTC)
        values = {
            "owner": owner,
            "title": new.title,
            "description": new.description,
            "priority": new.priority,
            "rank": PRIORITY_RANK[new.priority],
            "status": new.status,
            "due_date": new.due_date,
            "completed_at": now if new.status is Status.DONE else None,
            "now": now,
        }
        if self.writer is None:
            task = await self._insert(values)
        else:
            async with self.writer:
                task = await self._insert(values)
        headers = [
            (b"etag", f'"{task["version"]}"'.encode()),
            (b"location", f"/tasks/{task['id']}".encode()),
        ]
        return 201, ENCODER.encode(task), headers

    async def _insert(self, values: dict[str, Any]) -> dict[str, Any]:
        async with self.engine.begin() as connection:
            task = (await connection.execute(INSERT, values)).one()._asdict()
            await connection.execute(COUNT, {"owner": values["owner"]})
        return task


async def _body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(chunks)


def _sqlite_pragmas(connection: Any, _: object) -> None:
    # The capstone's (storage/database.py).
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_app() -> Baseline:
    count_connections()
    return Baseline(os.environ["DATABASE_URL"], os.environ["JWT_SECRET"])
