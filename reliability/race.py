"""A race for one version: many clients read a task, then all PATCH it with If-Match set to
the version they read. Optimistic locking must let exactly one of them win."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from bench.capstone import Connection
from reliability.workload import Client, Ledger


@dataclass(frozen=True)
class Attempt:
    mark: str  # what this contender appended to the description it read
    status: int
    answer: Any


@dataclass(frozen=True)
class Round:
    read_version: int  # the version every contender read, and sent as If-Match
    read_description: str
    attempts: tuple[Attempt, ...]

    @property
    def winners(self) -> list[Attempt]:
        return [attempt for attempt in self.attempts if attempt.status == 200]


async def attempt(client: Client, connection: Connection, read: Any, mark: str) -> Attempt:
    """PATCH what this client read, plus its mark, if the task is still at that version."""
    status, answer = await client.exchange(
        connection,
        "PATCH",
        f"/tasks/{read['id']}",
        {"description": read["description"] + mark},
        **{"If-Match": f'"{read["version"]}"'},
    )
    return Attempt(mark, status, answer)


async def race(
    port: int, token: str, task_id: int, *, contenders: int, rounds: int
) -> tuple[list[Round], Ledger]:
    """`rounds` races, one after another; every answer is also recorded in the ledger."""
    ledger = Ledger()
    team = [Client(n, port, token, 0, hot=[], ledger=ledger) for n in range(contenders)]
    connections = [await Connection.open(port) for _ in team]
    results = []
    try:
        for number in range(rounds):
            # Everyone reads first; then all the PATCHes go out at once.
            reads = [
                (await client.exchange(connection, "GET", f"/tasks/{task_id}"))[1]
                for client, connection in zip(team, connections, strict=True)
            ]
            attempts = await asyncio.gather(
                *(
                    attempt(client, connection, read, f"|r{number}c{client.number}")
                    for client, connection, read in zip(team, connections, reads, strict=True)
                )
            )
            results.append(Round(reads[0]["version"], reads[0]["description"], tuple(attempts)))
    finally:
        for connection in connections:
            await connection.close()
    return results, ledger
