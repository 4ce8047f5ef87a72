"""Checks for capstone challenge 1: label your tasks.

They run in a fresh interpreter started in the learner's copy (lessons/kit/packages.py): each
check gets the copy's own app, built by its ``create_app`` on a new SQLite database.
"""

import importlib
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from lessons.challenges import common
from lessons.challenges.common import new_task, sign_up, user_id
from lessons.kit import CheckFailed, Checks, Client, OfType

checks = Checks(app=common.build_app)
TEST = "tests/capstone/test_labels.py"


tasks_keep_working = common.first_check(checks)


@checks.add("PUT /tasks/{id}/labels sets the task's labels; GET reads them back, sorted")
def labels_are_set(client: Client) -> None:
    ada = sign_up(client, "ada")
    labels = f"/tasks/{new_task(client, ada)['id']}/labels"
    client.get(labels, headers=ada).expect(
        200, json=[], nudge="a task without labels has the empty list: is the route registered?"
    )
    client.put(labels, json=["urgent", "home", "urgent"], headers=ada).expect(
        200, json=["home", "urgent"], nudge="a label given twice is one label; sort them by name"
    )
    client.get(labels, headers=ada).expect(200, json=["home", "urgent"])
    client.put(labels, json=["garden"], headers=ada).expect(200, json=["garden"])
    client.get(labels, headers=ada).expect(
        200, json=["garden"], nudge="PUT replaces the labels: the old ones go"
    )


@checks.add("the labels are stored in the database", needs=labels_are_set)
def labels_are_stored(client: Client) -> None:
    ada = sign_up(client, "ada")
    client.put(f"/tasks/{new_task(client, ada)['id']}/labels", json=["kept"], headers=ada)
    if common.stored(client, "kept") != 1:
        raise CheckFailed(
            request='PUT /tasks/1/labels ["kept"], then a look in the database',
            expected='"kept" in one row of a table',
            received=f"it is in {common.stored(client, 'kept')} cells",
            nudge="the labels belong in a table of storage/models.py, made by a migration",
        )


@checks.add("GET /labels/{name}/tasks lists your tasks with that label", needs=labels_are_set)
def tasks_with_a_label(client: Client) -> None:
    ada = sign_up(client, "ada")
    first, _, third = (new_task(client, ada, title=title) for title in ("One", "Two", "Three"))
    for task in (third, first):
        client.put(f"/tasks/{task['id']}/labels", json=["home"], headers=ada).expect(200)
    client.get("/labels/home/tasks", headers=ada).expect(
        200,
        json=[
            {**first, "id": first["id"], "updated_at": OfType(str)},
            {**third, "id": third["id"], "updated_at": OfType(str)},
        ],
        nudge="each task as GET /tasks/{id} shows it, oldest (smallest id) first",
    )
    client.get("/labels/nothing/tasks", headers=ada).expect(200, json=[])


@checks.add("another user's task and its labels are a 404, and never listed", needs=labels_are_set)
def others_are_hidden(client: Client) -> None:
    ada, bob = sign_up(client, "ada"), sign_up(client, "bob")
    labels = f"/tasks/{new_task(client, ada)['id']}/labels"
    client.put(labels, json=["secret"], headers=ada).expect(200)
    nudge = "another user's task does not exist for you, so neither do its labels"
    client.get(labels, headers=bob).expect(404, nudge=nudge)
    client.put(labels, json=["mine"], headers=bob).expect(404, nudge=nudge)
    client.get("/labels/secret/tasks", headers=bob).expect(
        200, json=[], nudge="the tasks with a label are yours only"
    )
    client.get(labels, headers=ada).expect(200, json=["secret"])


BAD: list[Any] = [
    ["Home"],
    [""],
    ["two words"],
    ["home\n"],
    ["a" * 31],
    [f"label-{number}" for number in range(11)],
    {"name": "home"},
    [7],
]


@checks.add(
    "a label that is not 1-30 of a-z 0-9 -, or more than 10, is a 400", needs=labels_are_set
)
def bad_labels_are_refused(client: Client) -> None:
    ada = sign_up(client, "ada")
    labels = f"/tasks/{new_task(client, ada)['id']}/labels"
    for bad in BAD:
        client.put(labels, json=bad, headers=ada).expect(
            400, nudge="describe a label's shape in the request body's type (http/schemas.py)"
        )
    client.get(labels, headers=ada).expect(200, json=[])
    client.get("/labels/Not-OK/tasks", headers=ada).expect(
        400, nudge="the label in the path has the same shape as in a body"
    )


@checks.add("the migrations make the tables the models describe, a table for the labels included")
def migrations_match(client: Client) -> None:
    common.migrations_match_the_models(client, new_table=True)


@checks.add(
    "the rule is the domain's: LabelService(session, owner_id).set_labels(task_id, names)",
    needs=labels_are_set,
)
def rule_in_the_domain(client: Client) -> None:
    ada = sign_up(client, "ada")
    owner, task = user_id(client, ada), new_task(client, ada)["id"]

    async def set_labels(session: AsyncSession) -> object:
        # The learner's module, in the copy (imported here: it may not exist yet).
        labels = importlib.import_module("capstone.domain.labels")
        return await labels.LabelService(session, owner).set_labels(task, ["b", "a", "b"])

    request = "LabelService(session, owner_id).set_labels(task_id, ['b', 'a', 'b'])"
    try:
        answer = common.in_the_domain(client, set_labels)
    except Exception as error:  # noqa: BLE001 - whatever their domain does wrong
        raise CheckFailed(
            request=request,
            expected="['a', 'b']",
            received=f"{type(error).__name__}: {error}",
            nudge="a route only translates HTTP: the rule (a set, sorted) belongs in"
            " capstone/domain/labels.py, where every caller gets it",
        ) from None
    if answer != ["a", "b"]:
        raise CheckFailed(
            request=request,
            expected="['a', 'b']",
            received=repr(answer),
            nudge="the domain makes the names a sorted set, not the handler",
        )
    client.get(f"/tasks/{task}/labels", headers=ada).expect(200, json=["a", "b"])


layers, own_test = common.last_checks(checks, TEST)
