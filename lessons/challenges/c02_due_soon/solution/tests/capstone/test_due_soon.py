"""The due-soon feed: open tasks due within the user's window, overdue first; theirs only."""

import time_machine

from tests.capstone.conftest import Client

Headers = dict[str, str]
# `frozen_clock` stops time at 2026-11-27.
DUE = {
    "overdue": "2026-11-25",
    "today": "2026-11-27",
    "in three days": "2026-11-30",
    "in four days": "2026-12-01",
}


def titles(client: Client, headers: Headers) -> list[str]:
    answer = client.get("/tasks/due-soon", headers=headers)
    assert answer.status_code == 200, answer.text
    return [task["title"] for task in answer.json()]


def test_the_feed_holds_open_tasks_due_within_the_window_soonest_first(
    frozen_clock: time_machine.Traveller, client: Client, ada: Headers, bob: Headers
) -> None:
    for title, due in reversed(DUE.items()):
        client.post("/tasks", json={"title": title, "due_date": due}, headers=ada)
    client.post(
        "/tasks", json={"title": "done", "due_date": DUE["today"], "status": "done"}, headers=ada
    )
    client.post("/tasks", json={"title": "someday"}, headers=ada)

    assert client.get("/me/due-soon", headers=ada).json() == {"days": 3}
    assert titles(client, ada) == ["overdue", "today", "in three days"]
    assert client.put("/me/due-soon", json={"days": 4}, headers=ada).json() == {"days": 4}
    assert titles(client, ada) == ["overdue", "today", "in three days", "in four days"]
    assert titles(client, bob) == []
    assert client.get("/me/due-soon", headers=bob).json() == {"days": 3}


def test_a_window_outside_1_to_30_days_is_a_400(client: Client, ada: Headers) -> None:
    for bad in ({"days": 0}, {"days": 31}, {"days": 2.5}, {}, {"days": 5, "weeks": 1}):
        assert client.put("/me/due-soon", json=bad, headers=ada).status_code == 400, bad
    assert client.get("/me/due-soon", headers=ada).json() == {"days": 3}
