"""Lost updates are impossible: ETag and If-Match on every write, 412 for a stale version."""

import anyio
import pytest
from litestar import Litestar
from litestar.testing import TestClient
from sqlalchemy import update

from capstone.config import Settings
from capstone.domain.tasks import TaskService, VersionConflictError
from capstone.storage.database import database_config
from capstone.storage.models import Task
from tests.transcripts import MakeTranscript

Client = TestClient[Litestar]
Headers = dict[str, str]


@pytest.mark.usefixtures("frozen_clock")
def test_a_stale_if_match_is_412_with_the_current_task(
    client: Client, ada: Headers, transcript: MakeTranscript
) -> None:
    record = transcript("capstone/lost-update")
    task = client.post("/tasks", json={"title": "Plan the trip"}, headers=ada)
    etag = task.headers["etag"]
    url = f"/tasks/{task.json()['id']}"

    # Two clients read version 1; the first one's change wins...
    first = record(
        client.patch(
            url, json={"title": "Plan the trip to Rome"}, headers={**ada, "If-Match": etag}
        ),
        headers=["etag"],
    )
    # ...and the second, still holding version 1, is told instead of silently overwriting.
    second = record(
        client.patch(url, json={"priority": "high"}, headers={**ada, "If-Match": etag}),
        headers=["etag"],
    )
    stale_delete = client.delete(url, headers={**ada, "If-Match": etag})
    current = client.get(url, headers=ada).json()

    assert first.status_code == 200
    assert second.status_code == 412
    assert second.headers["etag"] == '"2"'
    assert second.json()["detail"] == "The task is at version 2; re-read it and retry"
    assert second.json()["current"] == current
    assert stale_delete.status_code == 412
    assert (current["title"], current["priority"], current["version"]) == (
        "Plan the trip to Rome",
        "medium",
        2,
    )


def test_the_current_etag_or_a_star_or_none_lets_a_write_through(
    client: Client, ada: Headers
) -> None:
    url = f"/tasks/{client.post('/tasks', json={'title': 'T'}, headers=ada).json()['id']}"

    with_etag = client.patch(url, json={"title": "A"}, headers={**ada, "If-Match": '"1"'})
    with_star = client.patch(url, json={"title": "B"}, headers={**ada, "If-Match": "*"})
    without = client.patch(url, json={"title": "C"}, headers=ada)
    deleted = client.delete(url, headers={**ada, "If-Match": '"4"'})

    assert [with_etag.status_code, with_star.status_code, without.status_code] == [200, 200, 200]
    assert without.json()["version"] == 4
    assert deleted.status_code == 204


@pytest.mark.parametrize("if_match", ["3", 'W/"1"', '"abc"', '"1", "2"'])
def test_a_malformed_if_match_is_400(client: Client, ada: Headers, if_match: str) -> None:
    url = f"/tasks/{client.post('/tasks', json={'title': 'T'}, headers=ada).json()['id']}"

    response = client.patch(url, json={"title": "A"}, headers={**ada, "If-Match": if_match})

    assert response.status_code == 400
    assert response.json()["detail"] == f'If-Match must be an ETag such as "3", not {if_match!r}'


def test_a_write_that_loses_the_race_after_its_check_is_412_too(
    client: Client, ada: Headers, settings: Settings
) -> None:
    """Between our version check and our write, another writer commits version 2."""
    assert client.post("/tasks", json={"title": "T"}, headers=ada).json()["id"] == 1
    database = database_config(settings)

    class RacedTasks(TaskService):
        async def _current(self, task_id: int, expected_version: int | None) -> Task:
            task = await super()._current(task_id, expected_version)  # the check passes...
            async with database.get_session() as theirs:  # ...then someone else writes
                await theirs.execute(
                    update(Task).where(Task.id == task_id).values(title="X", version=2)
                )
                await theirs.commit()
            return task

    async def race() -> VersionConflictError:
        try:
            async with database.get_session() as mine:
                with pytest.raises(VersionConflictError) as conflict:
                    await RacedTasks(session=mine, owner_id=1).update(1, {"title": "Y"}, 1)
                return conflict.value
        finally:
            await database.get_engine().dispose()

    # Our UPDATE ... WHERE version = 1 matched no row: a 412, with their version.
    current = anyio.run(race).current
    assert (current.title, current.version) == ("X", 2)
