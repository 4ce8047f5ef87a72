"""Checks for lesson 18, exercise 3: thumbnails made by a worker (Redis must answer)."""

import logging

from lessons.kit import ANY, CheckFailed, Checks, Client, OfType, Reply
from lessons.l18_background_work.exercises.polling import poll

checks = Checks()

# Every check starts and stops a worker; its logs would bury the checks' own report. The
# heartbeat's "crash" on each stop is a known quirk of litestar-saq 0.8 (see the page).
logging.getLogger("saq").setLevel(logging.ERROR)
logging.getLogger("litestar_saq.heartbeat").setLevel(logging.CRITICAL)

CAT = {"image": "cat.png"}
DOG = {"image": "dog.jpg"}


def accepted(client: Client, image: dict[str, str]) -> Reply:
    return client.post("/thumbnails", json=image).expect(
        202,
        json_has={"id": OfType(str), "status": "queued"},
        headers={"location": ANY},
        nudge="202 Accepted: queued, not done; the work happens in the worker",
    )


def finished(client: Client, location: str) -> Reply:
    """Ask at `location` until the job is no longer queued or running (a few seconds at most)."""
    return poll(
        lambda: client.get(location),
        lambda reply: reply.status != 200 or reply.json().get("status") not in {"queued", "active"},
    )


@checks.add("POST /thumbnails answers 202, queued, with a Location")
def accepts(client: Client) -> None:
    accepted(client, CAT)


@checks.add("the Location is /thumbnails/ and the job's id", needs=accepts)
def location_names_the_job(client: Client) -> None:
    reply = accepted(client, CAT)
    expected = f"/thumbnails/{reply.json()['id']}"
    if reply.headers["location"] != expected:
        raise CheckFailed(
            request=reply.request,
            expected=f"Location: {expected}",
            received=f"Location: {reply.headers['location']}",
        )


@checks.add(
    "GET at the Location answers complete, with the thumbnail", needs=location_names_the_job
)
def completes(client: Client) -> None:
    reply = accepted(client, CAT)
    job_id = reply.json()["id"]
    finished(client, reply.headers["location"]).expect(
        200,
        json_has={"id": job_id, "status": "complete", "result": {"thumbnail": "cat-128.png"}},
        nudge="the job's status and result are on the job: queue.job(its id)",
    )


@checks.add("each image gets a job and a thumbnail of its own", needs=location_names_the_job)
def one_job_per_image(client: Client) -> None:
    cat, dog = accepted(client, CAT), accepted(client, DOG)
    if cat.json()["id"] == dog.json()["id"]:
        raise CheckFailed(
            request=f"{cat.request}, then {dog.request}",
            expected="two different ids",
            received=f"{cat.json()['id']!r} twice",
        )
    finished(client, dog.headers["location"]).expect(
        200, json_has={"result": {"thumbnail": "dog-128.png"}}
    )


@checks.add(
    "GET /thumbnails/no-such-job is a 404",
    needs=accepts,
)
def unknown_is_404(client: Client) -> None:
    client.get("/thumbnails/no-such-job").expect(
        404, nudge="queue.job(...) is None for an id it never had"
    )
