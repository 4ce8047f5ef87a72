"""Lesson 10: the likely wrong answers to each exercise, and the check that rejects each."""

from tests.lessons.wrong_solutions import Wrong, wrong_solution_tests

UPDATES = "e01_order_updates"
RESUME = "e02_resume_orders"
TIMER = "e03_oven_timer"
DONE_DATA = 'data=json.dumps({"order": order_id}))'

WRONG = [
    Wrong(
        UPDATES,
        "returns-a-json-list",
        (
            (
                "-> ServerSentEvent:\n    return ServerSentEvent(order_updates(order_id))",
                "-> list[str]:\n    return [str(m.data) async for m in order_updates(order_id)]",
            ),
        ),
        caught_by="is_a_stream",
    ),
    Wrong(UPDATES, "done-without-data", ((DONE_DATA, "data=None)"),), "fires_the_events"),
    Wrong(
        UPDATES,
        "data-not-json",
        (('json.dumps({"order": order_id, "status": status})', "status"),),
        "fires_the_events",
    ),
    Wrong(
        UPDATES,
        "order-hard-coded",
        (('{"order": order_id, "status"', '{"order": 42, "status"'),),
        "uses_the_order_number",
    ),
    Wrong(RESUME, "header-ignored", (("after=last_event_id", "after=0"),), "resumes"),
    Wrong(
        RESUME,
        "header-required",
        (("le=DONE_ID)] = 0,", "le=DONE_ID)],"),),
        "starts_at_the_beginning",
    ),
    Wrong(
        RESUME,
        "empty-stream-after-done",
        (("return Response(None, status_code=HTTP_204_NO_CONTENT)", "return ServerSentEvent([])"),),
        "stops_after_done",
    ),
    Wrong(RESUME, "unbounded-header", ((", ge=0, le=DONE_ID", ""),), "rejects_unknown_ids"),
    Wrong(
        RESUME,
        "hand-made-400",
        (
            (", ge=0, le=DONE_ID", ""),
            (
                "    if last_event_id == DONE_ID:",
                (
                    "    if not 0 <= last_event_id <= DONE_ID:\n"
                    "        raise HTTPException(status_code=400, detail='bad id')\n"
                    "    if last_event_id == DONE_ID:"
                ),
            ),
            (
                "from litestar import Litestar",
                "from litestar.exceptions import HTTPException\nfrom litestar import Litestar",
            ),
        ),
        "rejects_unknown_ids",
    ),
    Wrong(
        TIMER,
        "counts-up",
        (("range(seconds, 0, -1)", "range(1, seconds + 1)"),),
        "ticks_then_rings",
    ),
    Wrong(
        TIMER,
        "ring-without-data",
        (('data=json.dumps({"seconds": seconds})', "data=None"),),
        "ticks_then_rings",
    ),
    Wrong(
        TIMER,
        "unbounded-seconds",
        (
            ("Annotated[int, PathParameter(ge=1, le=60)]", "FromPath[int]"),
            ("from litestar.params import PathParameter", "from litestar.params import FromPath"),
        ),
        "bounds",
    ),
]

test_a_wrong_solution_fails_its_check = wrong_solution_tests("l10_server_sent_events", WRONG)
