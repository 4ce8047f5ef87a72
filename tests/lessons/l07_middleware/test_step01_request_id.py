"""Step 01: an ASGIMiddleware that puts a request id on every response."""

import re

import pytest
from litestar import Litestar, get
from litestar.datastructures import MutableScopeHeaders
from litestar.middleware import AbstractMiddleware
from litestar.testing import TestClient
from litestar.types import Message, Receive, Scope, Send

from lessons.l07_middleware.step01_request_id import app, health
from tests.transcripts import MakeTranscript

GENERATED_ID = re.compile(r"[0-9a-f]{32}")


def test_a_valid_incoming_id_is_reused(transcript: MakeTranscript) -> None:
    record = transcript("l07_middleware/request-id")
    with TestClient(app) as client:
        response = record(
            client.get("/orders", headers={"X-Request-ID": "checkout-7f3a"}),
            headers=["x-request-id"],
        )

    assert response.headers["X-Request-ID"] == "checkout-7f3a"
    # The handler reads the same id from request.state.
    assert response.json() == {"orders": [], "request_id": "checkout-7f3a"}


# --8<-- [start:invalid]
@pytest.mark.parametrize(
    "sent",
    [None, "", "<script>alert(1)</script>", "a" * 65, "two words", "id;DROP TABLE"],
)
def test_a_missing_or_invalid_id_is_replaced_not_echoed(sent: str | None) -> None:
    headers = {} if sent is None else {"X-Request-ID": sent}
    with TestClient(app) as client:
        response = client.get("/orders", headers=headers)

    assert response.status_code == 200  # a bad id is not the client's fault to fail on
    assert GENERATED_ID.fullmatch(response.headers["X-Request-ID"])
    assert response.json()["request_id"] == response.headers["X-Request-ID"]


# --8<-- [end:invalid]


def test_each_request_gets_its_own_id() -> None:
    with TestClient(app) as client:
        ids = {client.get("/orders").headers["X-Request-ID"] for _ in range(3)}

    assert len(ids) == 3


def test_a_handler_can_opt_out_with_its_opt_key() -> None:
    with TestClient(app) as client:
        response = client.get("/health", headers={"X-Request-ID": "abc"})

    assert response.json() == {"status": "ok"}
    assert "X-Request-ID" not in response.headers


# --8<-- [start:pitfall-unmatched]
def test_middleware_does_not_run_when_no_route_matches() -> None:
    with TestClient(app) as client:
        not_found = client.get("/no-such-page", headers={"X-Request-ID": "abc"})
        wrong_method = client.delete("/orders", headers={"X-Request-ID": "abc"})

    # Litestar builds the middleware stack per route: with no route, no middleware.
    assert not_found.status_code == 404
    assert wrong_method.status_code == 405
    assert "X-Request-ID" not in not_found.headers
    assert "X-Request-ID" not in wrong_method.headers


# --8<-- [end:pitfall-unmatched]


def test_subclassing_abstract_middleware_is_deprecated() -> None:
    with pytest.warns(DeprecationWarning, match="deprecated class 'AbstractMiddleware'"):

        class OldStyleMiddleware(AbstractMiddleware):
            async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
                await self.app(scope, receive, send)

    # It still works in 2.x, but the warning is an error in this project's tests.
    @get("/")
    async def index() -> str:
        return "ok"

    with TestClient(Litestar([index], middleware=[OldStyleMiddleware])) as client:
        assert client.get("/").text == "ok"


async def stamp_every_response(message: Message, scope: Scope) -> None:
    if message["type"] == "http.response.start":
        MutableScopeHeaders.from_message(message)["X-Served-By"] = "shop-1"


def test_a_before_send_hook_sees_even_requests_that_match_no_route() -> None:
    stamped = Litestar([health], before_send=[stamp_every_response])
    with TestClient(stamped) as client:
        responses = [client.get("/health"), client.get("/no-such-page"), client.delete("/health")]

    assert [r.status_code for r in responses] == [200, 404, 405]
    assert [r.headers.get("X-Served-By") for r in responses] == ["shop-1"] * 3
