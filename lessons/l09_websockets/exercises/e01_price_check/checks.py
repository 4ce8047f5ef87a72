"""Checks for lesson 09, exercise 1: the price WebSocket."""

from litestar.exceptions import WebSocketDisconnect

from lessons.kit import CheckFailed, Checks, Client
from lessons.l09_websockets.exercises.talk import closed, receive_json

checks = Checks()


@checks.add("WS /prices accepts a connection")
def accepts(client: Client) -> None:
    try:
        with client.websocket("/prices"):
            pass
    except WebSocketDisconnect as refused:
        raise CheckFailed(
            request="connect to WS /prices",
            expected="the connection accepted",
            received=f"closed {refused.code}: {refused.detail}",
            nudge="a handler must accept the connection before anything else",
        ) from None


@checks.add('"tea" is answered with {"code": "tea", "price": 4.5}', needs=accepts)
def answers_a_code(client: Client) -> None:
    with client.websocket("/prices") as session:
        session.send_text("tea")
        reply = receive_json(session, "WS /prices > tea")
    if reply != {"code": "tea", "price": 4.5}:
        raise CheckFailed(
            request="WS /prices > tea",
            expected='{"code": "tea", "price": 4.5}',
            received=repr(reply),
        )


@checks.add("three codes on one connection get three answers, in order", needs=answers_a_code)
def answers_every_frame(client: Client) -> None:
    with client.websocket("/prices") as session:
        answers = []
        for code in ("honey", "mead", "coffee"):
            session.send_text(code)
            answers.append(receive_json(session, f"WS /prices > {code} (after the others)"))
    expected = [
        {"code": "honey", "price": 7.0},
        {"code": "mead", "price": None},
        {"code": "coffee", "price": 9.25},
    ]
    if answers != expected:
        raise CheckFailed(
            request="WS /prices > honey, mead, coffee",
            expected=repr(expected),
            received=repr(answers),
            nudge="an unknown code is answered with a null price, and the connection stays",
        )


@checks.add('"bye" closes the connection with 1000', needs=accepts)
def bye_closes(client: Client) -> None:
    with client.websocket("/prices") as session:
        session.send_text("bye")
        close = closed(session, "WS /prices > bye")
    if close.code != 1000:
        raise CheckFailed(
            request="WS /prices > bye",
            expected="closed 1000",
            received=f"closed {close.code}: {close.detail}",
            nudge="socket.close() takes the code to send",
        )
