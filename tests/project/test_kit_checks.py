"""lessons.kit.checks: matchers, expectations and the failure messages a learner reads."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from typing import Any

import pytest
from litestar import Litestar, Request, Response, get, post, websocket
from litestar.connection import WebSocket
from litestar.exceptions import NotFoundException
from litestar.testing import TestClient

from lessons.kit import ANY, CheckFailed, Checks, Client, NotDone, OfType, OneOf, Reply

# ---- matchers ------------------------------------------------------------------------------


def test_any_matches_everything() -> None:
    assert ANY.matches(None)
    assert ANY.matches({"a": [1]})
    assert repr(ANY) == "<any value>"


@pytest.mark.parametrize(
    ("matcher", "value", "matches"),
    [
        (OfType(int), 3, True),
        (OfType(int), 3.5, False),
        (OfType(int), True, False),  # JSON's true is not a number
        (OfType(bool), True, True),
        (OfType(str, type(None)), None, True),
        (OfType(str, type(None)), 0, False),
        (OneOf(400, 422), 422, True),
        (OneOf(400, 422), 404, False),
        (OneOf({"id": OfType(int)}, None), {"id": 1}, True),
        (OneOf({"id": OfType(int)}, None), {"id": "1"}, False),
    ],
)
def test_matchers_match_json_values(matcher: OfType | OneOf, value: object, matches: bool) -> None:
    assert matcher.matches(value) is matches


def test_matchers_describe_themselves() -> None:
    assert repr(OfType(str, type(None))) == "<any str or null>"
    assert repr(OneOf("todo", "done")) == '<one of "todo", "done">'


# ---- expectations ----------------------------------------------------------------------------


@get("/task")
async def task() -> dict[str, Any]:
    return {"id": 7, "title": "Write", "done": False, "owner": {"password": "x"}}


@get("/tasks")
async def tasks() -> list[dict[str, Any]]:
    return [{"id": 1, "secret": "s"}, {"id": 2}]


@get("/text")
async def text() -> str:
    return "plain " * 100


@get("/empty", status_code=204)
async def empty() -> None:
    return None


@get("/missing")
async def missing() -> None:
    raise NotFoundException("no such task")


@get("/todo")
async def todo() -> None:
    raise NotDone("write the handler")


@get("/boom")
async def boom() -> None:
    raise KeyError("title")


@post("/echo")
async def echo(request: Request[Any, Any, Any]) -> Response[dict[str, str | None]]:
    seen = {name: request.headers.get(name) for name in ("cookie", "x-key")}
    return Response(seen, headers={"X-Seen": "yes"})


@websocket("/ws")
async def greet(socket: WebSocket[Any, Any, Any]) -> None:
    await socket.accept()
    await socket.send_json({"hello": await socket.receive_text()})
    await socket.close()


APP = [task, tasks, text, empty, missing, todo, boom, echo, greet]


@pytest.fixture
def client() -> Iterator[Client]:
    app = Litestar(APP, openapi_config=None)
    raised: list[BaseException] = []

    async def remember(exception: Exception, _scope: object) -> None:
        raised.append(exception)

    app.after_exception.append(remember)
    with TestClient(app) as test_client:
        yield Client(app, test_client, raised)


def failure(reply: Reply, *args: Any, **kwargs: Any) -> str:
    with pytest.raises(CheckFailed) as info:
        reply.expect(*args, **kwargs)
    return str(info.value)


def test_a_matching_reply_passes_and_is_returned(client: Client) -> None:
    reply = client.get("/task")

    assert reply.expect(
        200, json={"id": OfType(int), "title": "Write", "done": False, "owner": ANY}
    )
    assert reply.expect((200, 201), json_has={"id": 7}, lacks=["password"])
    assert reply.status == 200
    assert reply.headers["content-type"] == "application/json"


def test_a_wrong_status_says_what_was_sent_expected_and_received(client: Client) -> None:
    message = failure(client.get("/missing"), 200, nudge="is the route there?")

    assert message == (
        "request:  GET /missing\n"
        "expected: 200\n"
        'received: 404 {"status_code":404,"detail":"no such task"}\n'
        "think:    is the route there?"
    )


def test_body_differences_are_named_by_json_path(client: Client) -> None:
    message = failure(
        client.get("/task"), 200, json={"id": "7", "title": "Write", "owner": {}, "tags": []}
    )

    assert 'expected: 200, JSON {"id": "7", "title": "Write", "owner": {}, "tags": []}\n' in (
        message
    )
    assert (
        '          but $.id: expected "7", received 7; $.owner.password: not expected here; '
        "$.tags: missing\n"
    ) in message


@pytest.mark.parametrize(
    ("expected", "problem"),
    [
        ([{"id": 1}], "$: expected 1 items, received 2"),
        ({"id": 1}, "$: expected an object, received "),
        ([{"id": 1}, {"id": 2.0}], "$[0].secret: not expected here"),
        ([{"id": 1, "secret": OneOf("a", "b")}, {"id": 2}], '$[0].secret: expected one of "a"'),
        ([ANY, {"id": True}], "$[1].id: expected true, received 2"),
    ],
)
def test_lists_and_scalars_are_compared_as_json(
    client: Client, expected: object, problem: str
) -> None:
    assert problem in failure(client.get("/tasks"), 200, json=expected)


def test_a_list_is_not_an_object_and_an_object_is_not_a_list(client: Client) -> None:
    assert "$: expected a list, received {" in failure(client.get("/task"), 200, json=[])


def test_json_equal_numbers_match() -> None:
    from lessons.kit.checks import _differences  # noqa: PLC0415 - the comparison itself

    assert _differences({"n": 1}, {"n": 1.0}, "") == []
    assert _differences(1, True, "") == ["$: expected 1, received true"]
    assert _differences(None, None, "") == []


def test_lacks_looks_into_every_item_of_a_list(client: Client) -> None:
    message = failure(client.get("/tasks"), 200, lacks=["secret"])

    assert "expected: 200, no 'secret' in the body" in message
    assert "but $.secret: should not be in the body" in message


def test_headers_are_expected_by_value_or_presence(client: Client) -> None:
    reply = client.post("/echo", content=b"hi")
    reply.expect(201, headers={"x-seen": "yes", "content-length": ANY})

    message = failure(reply, 201, headers={"x-seen": "no", "etag": ANY})
    assert 'header x-seen: expected "no", received "yes"' in message
    assert "header etag: missing" in message


def test_a_body_that_is_not_json_fails_clearly(client: Client) -> None:
    message = failure(client.get("/text"), 200, json={"message": "plain"})

    assert "expected: a JSON body\n" in message
    assert message.splitlines()[2].endswith(" …")  # a long body is shortened
    assert len(message.splitlines()[2]) < 320


def test_received_shows_an_empty_body_and_what_the_handler_raised(client: Client) -> None:
    assert client.get("/empty").received() == "204 (empty body)"
    # A 4xx the app meant to send needs no explanation beyond its status.
    assert "raised" not in client.get("/missing").received()
    assert client.get("/todo").received().endswith("\n          not done yet: write the handler")
    assert (
        client.get("/boom").received().endswith("\n          your handler raised KeyError: 'title'")
    )


def test_requests_are_described_as_a_learner_would_type_them(client: Client) -> None:
    described = [
        client.get("/task", params={"q": "a b"}, headers={"X-Key": "1"}).request,
        client.put("/task", json={"title": "é"}, cookies={"sid": "2"}).request,
        client.patch("/task", data={"a": "1"}).request,
        client.delete("/task").request,
        client.post("/echo", content=b"raw").request,
        client.get("/task", headers={"Authorization": "Bearer " + "x" * 40}).request,
        client.get("/task", headers={"Authorization": "Basic YTpi"}).request,
    ]

    assert described == [
        "GET /task?q=a+b -H 'X-Key: 1'",
        'PUT /task --cookie \'sid=2\' {"title": "é"}',
        "PATCH /task form {'a': '1'}",
        "DELETE /task",
        "POST /echo b'raw'",
        # A token is long and no help in a message: its start is enough to tell it is there.
        "GET /task -H 'Authorization: Bearer xxxxxxxxx…'",
        "GET /task -H 'Authorization: Basic YTpi'",
    ]


def test_cookies_go_with_one_request_only(client: Client) -> None:
    first = client.post("/echo", cookies={"session": "abc"}, headers={"X-Key": "1"})
    second = client.post("/echo")

    assert first.json() == {"cookie": "session=abc", "x-key": "1"}
    assert second.json() == {"cookie": None, "x-key": None}


def test_websockets_open_through_the_test_client(client: Client) -> None:
    with client.websocket("/ws") as connection:
        connection.send_text("there")
        assert connection.receive_json() == {"hello": "there"}


# ---- the list of checks --------------------------------------------------------------------------


def test_checks_keep_their_order_descriptions_and_needs() -> None:
    checks = Checks()

    @checks.add("first")
    def first(client: Client) -> None: ...

    @checks.add("second", needs=first, passes_on_start="already true")
    def second(client: Client) -> None: ...

    @checks.add("third", needs=[first, second])
    def third(client: Client) -> None: ...

    assert len(checks) == 3
    assert [(c.name, c.description, c.needs) for c in checks] == [
        ("first", "first", ()),
        ("second", "second", ("first",)),
        ("third", "third", ("first", "second")),
    ]
    assert [c.passes_on_start for c in checks] == ["", "already true", ""]


def test_a_check_cannot_need_one_added_after_it() -> None:
    checks = Checks()

    def later(client: Client) -> None: ...

    with pytest.raises(ValueError, match="early needs later, which is added later"):

        @checks.add("early", needs=later)
        def early(client: Client) -> None: ...


def test_module_is_the_module_whose_app_the_client_serves() -> None:
    # Exercises that ask for a function (a test, a factory) read it from client.module.
    learners = types.ModuleType("a_learners_file")
    app = Litestar([task], openapi_config=None)
    learners.app = app  # type: ignore[attr-defined]
    sys.modules[learners.__name__] = learners
    try:
        with TestClient(app) as test_client:
            found = Client(app, test_client, []).module
    finally:
        del sys.modules[learners.__name__]

    assert found is learners
