"""Lesson 18: the likely wrong answers to each exercise, and the check that rejects each."""

import pytest

from tests.lessons.wrong_solutions import Wrong, wrong_solution_tests

RECEIPT = "e01_order_receipt"
WAREHOUSE = "e02_warehouse_listener"
THUMBNAILS = "e03_thumbnails"

BACKGROUND = "    receipt = BackgroundTask(send_receipt, data.email, data.id)\n"
RESPOND = "    return Response(data, status_code=201, background=receipt)"
NOTIFY = '@listener("order_placed")\nasync def notify_warehouse'
EMIT = '    request.app.emit("order_placed", order=data)\n'
EMAIL = "    EMAILS.append(order.id)\n"

WRONG = [
    Wrong(
        RECEIPT,
        "inline-and-background",
        ((BACKGROUND, "    await send_receipt(data.email, data.id)\n" + BACKGROUND),),
        caught_by="sent_after_response",
    ),
    Wrong(
        RECEIPT,
        "arguments-swapped",
        (
            (
                "BackgroundTask(send_receipt, data.email, data.id)",
                "BackgroundTask(send_receipt, data.id, data.email)",
            ),
        ),
        caught_by="one_receipt_per_order",
    ),
    Wrong(
        RECEIPT,
        "fire-and-forget-task",
        (
            (BACKGROUND, "    asyncio.create_task(send_receipt(data.email, data.id))\n"),
            (RESPOND, "    return Response(data, status_code=201)"),
        ),
        caught_by="one_receipt_per_order",
    ),
    Wrong(
        RECEIPT,
        "an-argument-missing",
        (
            (
                "BackgroundTask(send_receipt, data.email, data.id)",
                "BackgroundTask(send_receipt, data.email)",
            ),
        ),
        caught_by="answers_201",
    ),
    Wrong(
        WAREHOUSE,
        "listener-not-registered",
        (("listeners=[email_customer, notify_warehouse]", "listeners=[email_customer]"),),
        caught_by="warehouse_hears",
    ),
    Wrong(
        WAREHOUSE,
        "another-event-id",
        ((NOTIFY, '@listener("order-placed")\nasync def notify_warehouse'),),
        caught_by="warehouse_hears",
    ),
    Wrong(
        WAREHOUSE,
        "called-in-the-handler",
        (
            (EMIT, EMIT + "    send_to_warehouse(data)\n"),
            ("listeners=[email_customer, notify_warehouse]", "listeners=[email_customer]"),
        ),
        caught_by="refusal_stays_apart",
    ),
    Wrong(
        WAREHOUSE,
        "inside-the-email-listener",
        (
            (EMAIL, "    send_to_warehouse(order)\n" + EMAIL),
            ("listeners=[email_customer, notify_warehouse]", "listeners=[email_customer]"),
        ),
        caught_by="refusal_stays_apart",
    ),
    Wrong(
        THUMBNAILS,
        "201-not-202",
        (
            ('@post("/thumbnails", status_code=202)', '@post("/thumbnails")'),
            ("        status_code=202,\n", ""),
        ),
        caught_by="accepts",
    ),
    Wrong(
        THUMBNAILS,
        "done-in-the-request",
        (
            (
                'Thumbnail(id=key, status="queued")',
                (
                    'Thumbnail(id=key, status="complete", '
                    "result=await make_thumbnail({}, image=data.image))"
                ),
            ),
        ),
        caught_by="accepts",
    ),
    Wrong(
        THUMBNAILS,
        "no-location",
        (('        headers={"Location": f"/thumbnails/{key}"},\n', ""),),
        caught_by="accepts",
    ),
    Wrong(
        THUMBNAILS,
        "location-elsewhere",
        (('"Location": f"/thumbnails/{key}"', '"Location": f"/jobs/{key}"'),),
        caught_by="location_names_the_job",
    ),
    Wrong(
        THUMBNAILS,
        "one-key-for-all",
        (
            (
                'enqueue("make_thumbnail", image=data.image)',
                'enqueue("make_thumbnail", key="thumbnail", image=data.image)',
            ),
        ),
        caught_by="one_job_per_image",
    ),
    Wrong(
        THUMBNAILS,
        "unknown-id-crashes",
        (
            (
                (
                    "    if job is None:\n"
                    '        raise NotFoundException(f"no thumbnail {thumbnail_id}")\n'
                ),
                "    assert job is not None\n",
            ),
        ),
        caught_by="unknown_is_404",
    ),
]

test_a_wrong_solution_fails_its_check = wrong_solution_tests("l18_background_work", WRONG)


@pytest.fixture(autouse=True)
def redis_for_exercise_3(request: pytest.FixtureRequest) -> None:
    # Exercise 3's checks run a real worker: a queue of its own, or a skip without Redis.
    if request.node.callspec.params["wrong"].exercise == THUMBNAILS:
        request.getfixturevalue("queue")
