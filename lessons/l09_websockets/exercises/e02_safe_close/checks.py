"""Checks for lesson 09, exercise 2: close codes that say why, and leak nothing."""

from litestar.exceptions import WebSocketDisconnect

from lessons.kit import CheckFailed, Checks, Client
from lessons.l09_websockets.exercises.talk import closed, receive_json

checks = Checks()

INTERNAL = ("prices_v3", "db-eu-2", "row")  # words only the server's log should see


def expect_close(close: WebSocketDisconnect, request: str, code: int, nudge: str) -> None:
    if close.code != code:
        raise CheckFailed(
            request=request,
            expected=f"closed {code}",
            received=f"closed {close.code}: {close.detail}",
            nudge=nudge,
        )


@checks.add(
    "known codes are answered with their price",
    passes_on_start="the happy path works already; this check makes sure it still does",
)
def known_codes(client: Client) -> None:
    with client.websocket("/prices") as session:
        session.send_text("tea")
        tea = receive_json(session, "WS /prices > tea")
        session.send_text("coffee")
        coffee = receive_json(session, "WS /prices > coffee")
    if [tea, coffee] != [{"code": "tea", "price": 4.5}, {"code": "coffee", "price": 9.25}]:
        raise CheckFailed(
            request="WS /prices > tea, coffee",
            expected='{"code": "tea", "price": 4.5}, {"code": "coffee", "price": 9.25}',
            received=f"{tea!r}, {coffee!r}",
        )


@checks.add("an unknown code closes the connection with 1008")
def unknown_code(client: Client) -> None:
    with client.websocket("/prices") as session:
        session.send_text("mead")
        close = closed(session, "WS /prices > mead")
    expect_close(
        close,
        "WS /prices > mead",
        1008,
        "4500 is Litestar's close for an exception it did not expect; choose the code yourself",
    )


@checks.add("the reason for an unknown code reveals nothing about the database")
def reason_leaks_nothing(client: Client) -> None:
    with client.websocket("/prices") as session:
        session.send_text("mead")
        close = closed(session, "WS /prices > mead")
    leaked = [word for word in INTERNAL if word in close.detail]
    if leaked or not close.detail:
        raise CheckFailed(
            request="WS /prices > mead",
            expected="a reason written for the client (and not empty)",
            received=f"closed {close.code}: {close.detail}",
            nudge="a Litestar exception's detail becomes the close reason as it is",
        )


@checks.add("a binary frame closes the connection with 1003")
def binary_frame(client: Client) -> None:
    with client.websocket("/prices") as session:
        session.send_bytes(b"tea")
        close = closed(session, "WS /prices > (binary) 746561")
    expect_close(
        close,
        "WS /prices > (binary) 746561",
        1003,
        'receive_data(mode="text") hands you "" for a binary frame: look at the raw event',
    )


@checks.add("an empty text frame is an unknown code (1008), not a binary one", needs=binary_frame)
def empty_text_frame(client: Client) -> None:
    with client.websocket("/prices") as session:
        session.send_text("")
        close = closed(session, 'WS /prices > ""')
    expect_close(close, 'WS /prices > ""', 1008, "an empty text frame is still text")
