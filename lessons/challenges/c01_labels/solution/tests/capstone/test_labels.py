"""Labels: a task's labels are a sorted set that only its owner sees, sets and lists by."""

from tests.capstone.conftest import Client

Headers = dict[str, str]


def test_a_tasks_labels_are_a_sorted_set_only_its_owner_sees(
    client: Client, ada: Headers, bob: Headers
) -> None:
    task = client.post("/tasks", json={"title": "Water the plants"}, headers=ada).json()
    client.post("/tasks", json={"title": "Unlabelled"}, headers=ada)
    labels = f"/tasks/{task['id']}/labels"

    answer = client.put(labels, json=["home", "chores", "home"], headers=ada)

    assert (answer.status_code, answer.json()) == (200, ["chores", "home"])
    assert client.get(labels, headers=ada).json() == ["chores", "home"]
    assert [found["id"] for found in client.get("/labels/home/tasks", headers=ada).json()] == [
        task["id"]
    ]
    assert client.get(labels, headers=bob).status_code == 404
    assert client.put(labels, json=["mine"], headers=bob).status_code == 404
    assert client.get("/labels/home/tasks", headers=bob).json() == []


def test_a_label_that_is_not_a_short_lowercase_word_is_a_400(client: Client, ada: Headers) -> None:
    task = client.post("/tasks", json={"title": "Water the plants"}, headers=ada).json()
    labels = f"/tasks/{task['id']}/labels"

    for bad in (["Home"], [""], ["a" * 31], [f"l{n}" for n in range(11)], {"name": "home"}):
        assert client.put(labels, json=bad, headers=ada).status_code == 400, bad
    assert client.get(labels, headers=ada).json() == []
