"""Checks for capstone challenge 2: a due-soon feed.

They run in a fresh interpreter started in the learner's copy (lessons/kit/packages.py): each
check gets the copy's own app, built by its ``create_app`` on a new SQLite database. Dates are
relative to today (UTC), as the app sees it.
"""

import importlib
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from lessons.challenges import common
from lessons.challenges.common import new_task, sign_up, user_id
from lessons.kit import CheckFailed, Checks, Client, OfType

checks = Checks(app=common.build_app)
TEST = "tests/capstone/test_due_soon.py"
FEED, WINDOW = "/tasks/due-soon", "/me/due-soon"


# A task as GET /tasks/{id} shows it: its fields, whatever their values.
ANY_TASK = {
    name: OfType(str, int, type(None))
    for name in (
        *("id", "title", "description", "priority", "status", "due_date"),
        *("created_at", "updated_at", "completed_at", "version"),
    )
}


def due_in(days: int) -> str:
    return (datetime.now(UTC).date() + timedelta(days=days)).isoformat()


def some_tasks(client: Client, headers: dict[str, str]) -> dict[str, int]:
    """Tasks due at various times (and one done, one never due): their ids by title."""
    return {
        title: new_task(client, headers, title=title, **fields)["id"]
        for title, fields in {
            "in four days": {"due_date": due_in(4)},
            "in three days": {"due_date": due_in(3)},
            "done, due tomorrow": {"due_date": due_in(1), "status": "done"},
            "today": {"due_date": due_in(0)},
            "someday": {},
            "overdue": {"due_date": due_in(-2)},
        }.items()
    }


def feed_ids(client: Client, headers: dict[str, str], nudge: str = "") -> list[object]:
    answer = client.get(FEED, headers=headers).expect(200, nudge=nudge).json()
    if not isinstance(answer, list):
        raise client.get(FEED, headers=headers).failure("a JSON list of tasks")
    return [task.get("id") for task in answer if isinstance(task, dict)]


tasks_keep_working = common.first_check(checks)


@checks.add("GET /tasks/due-soon: open tasks due in the next 3 days, overdue ones first")
def feed_lists_due_soon(client: Client) -> None:
    ada = sign_up(client, "ada")
    ids = some_tasks(client, ada)
    expected = [ids["overdue"], ids["today"], ids["in three days"]]
    if feed_ids(client, ada, "is the route registered?") != expected:
        raise client.get(FEED, headers=ada).failure(
            f"the tasks {expected}: overdue, due today, due in three days, soonest first",
            nudge="not done, with a due date no later than today + 3 days, sorted by due date",
        )
    client.get(FEED, headers=ada).expect(
        200, json=[ANY_TASK] * 3, nudge="each task as GET /tasks/{id} shows it"
    )


@checks.add("GET and PUT /me/due-soon read and change your window", needs=feed_lists_due_soon)
def window_is_yours(client: Client) -> None:
    ada, bob = sign_up(client, "ada"), sign_up(client, "bob")
    ids = some_tasks(client, ada)
    client.get(WINDOW, headers=ada).expect(200, json={"days": 3})
    client.put(WINDOW, json={"days": 4}, headers=ada).expect(200, json={"days": 4})
    client.get(WINDOW, headers=ada).expect(200, json={"days": 4})
    if ids["in four days"] not in feed_ids(client, ada):
        raise client.get(FEED, headers=ada).failure(
            "the task due in four days, now that the window is 4 days",
            nudge="the feed looks as many days ahead as the user's window says",
        )
    client.get(WINDOW, headers=bob).expect(
        200, json={"days": 3}, nudge="each user has a window of their own"
    )


@checks.add("the window is stored in the database", needs=window_is_yours)
def window_is_stored(client: Client) -> None:
    ada = sign_up(client, "ada")
    before = common.stored(client, 23)
    client.put(WINDOW, json={"days": 23}, headers=ada).expect(200)
    if common.stored(client, 23) <= before:
        raise CheckFailed(
            request='PUT /me/due-soon {"days": 23}, then a look in the database',
            expected="23 in a row of a table",
            received="no new cell holds 23",
            nudge="the window belongs in a column of storage/models.py, added by a migration",
        )


@checks.add("another user's tasks are never in your feed", needs=feed_lists_due_soon)
def others_are_hidden(client: Client) -> None:
    ada, bob = sign_up(client, "ada"), sign_up(client, "bob")
    some_tasks(client, ada)
    mine = new_task(client, bob, due_date=due_in(1))["id"]
    if feed_ids(client, bob) != [mine]:
        raise client.get(FEED, headers=bob).failure(
            f"only bob's own task {mine}", nudge="the feed is the signed-in user's tasks only"
        )


BAD: list[Any] = [
    {"days": 0},
    {"days": 31},
    {"days": 2.5},
    {},
    {"days": 5, "weeks": 1},
    [5],
]


@checks.add(
    "a window that is not a whole number of days from 1 to 30 is a 400", needs=window_is_yours
)
def bad_windows_are_refused(client: Client) -> None:
    ada = sign_up(client, "ada")
    for bad in BAD:
        client.put(WINDOW, json=bad, headers=ada).expect(
            400, nudge="describe the body's shape, and its bounds, in its type"
        )
    client.get(WINDOW, headers=ada).expect(200, json={"days": 3})


@checks.add("the migrations make the tables the models describe", needs=window_is_stored)
def migrations_match(client: Client) -> None:
    common.migrations_match_the_models(client)


@checks.add(
    "the rule is the domain's: DueSoon(session, owner_id, clock).tasks()",
    needs=feed_lists_due_soon,
)
def rule_in_the_domain(client: Client) -> None:
    ada = sign_up(client, "ada")
    owner, ids = user_id(client, ada), some_tasks(client, ada)
    # A hundred days from now, every open task with a due date is overdue.
    later = datetime.now(UTC) + timedelta(days=100)

    async def feed(session: AsyncSession) -> object:
        # The learner's module, in the copy (imported here: it may not exist yet).
        due_soon = importlib.import_module("capstone.domain.due_soon")
        found = await due_soon.DueSoon(session, owner, clock=lambda: later).tasks()
        return [task.id for task in found]

    request = "DueSoon(session, owner_id, clock=<100 days from now>).tasks()"
    expected = [ids[title] for title in ("overdue", "today", "in three days", "in four days")]
    try:
        answer = common.in_the_domain(client, feed)
    except Exception as error:  # noqa: BLE001 - whatever their domain does wrong
        raise CheckFailed(
            request=request,
            expected=f"the tasks {expected}",
            received=f"{type(error).__name__}: {error}",
            nudge="a route only translates HTTP: the rule (which tasks, in which order) belongs"
            " in capstone/domain/due_soon.py, with the clock it is given",
        ) from None
    if answer != expected:
        raise CheckFailed(
            request=request,
            expected=f"the tasks {expected}: every open task with a due date, soonest first",
            received=f"the tasks {answer}",
            nudge="the domain picks and orders the tasks, with the clock it is given",
        )


layers, own_test = common.last_checks(checks, TEST)
