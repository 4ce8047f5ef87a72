"""Lesson 09's exercise checks reject the likeliest wrong solutions, each for its own reason."""

from pathlib import Path

import pytest

from tests.lessons.wrong_solutions import exercise, failed_checks

PRICES = exercise("l09_websockets", "e01_price_check")
SAFE_CLOSE = exercise("l09_websockets", "e02_safe_close")

ANSWER = 'await socket.send_json({"code": code, "price": PRICES.get(code)})'
BYE = 'await socket.close(code=WS_1000_NORMAL_CLOSURE, reason="bye")\n            return'
LOOKUP = "        try:\n            price = await price_of(code)\n        except NotFoundException:"
UNGUARDED = "        price = await price_of(code)\n        if False:"
REPLY = 'send_json({"code": code, "price": price})'
TRANSLATED = 'detail = f"No product {code!r}"'


@pytest.mark.parametrize(
    ("replacements", "caught_by"),
    [
        # A str() of the dict is not JSON (single quotes).
        ({ANSWER: ANSWER.replace("send_json(", "send_text(str(") + ")"}, "answers_a_code"),
        # The price sent as text.
        ({'"price": PRICES.get(code)': '"price": str(PRICES.get(code))'}, "answers_a_code"),
        # No loop: one answer, then the handler returns.
        ({ANSWER: ANSWER + "\n        return"}, "answers_every_frame"),
        # An unknown code crashes the handler (KeyError): a 4500 close instead of an answer.
        ({"PRICES.get(code)}": "PRICES[code]}"}, "answers_every_frame"),
        # An unknown product priced 0 instead of null.
        ({"PRICES.get(code)}": "PRICES.get(code, 0)}"}, "answers_every_frame"),
        # "bye" is answered like a product code instead of closing.
        ({'if code == "bye":': 'if code == "farewell":'}, "bye_closes"),
        # "bye" closes with 1001 ("going away"), the code for a server shutting down.
        ({"code=WS_1000_NORMAL_CLOSURE": "code=1001"}, "bye_closes"),
        # "bye" is ignored: no answer and no close.
        ({BYE: "continue"}, "bye_closes"),
    ],
    ids=[
        "not-json",
        "price-as-text",
        "no-loop",
        "crash-on-unknown",
        "unknown-is-zero",
        "bye-is-a-code",
        "1001",
        "silent-bye",
    ],
)
def test_price_checks_catch(replacements: dict[str, str], caught_by: str, tmp_path: Path) -> None:
    assert caught_by in failed_checks(PRICES, replacements, tmp_path)


@pytest.mark.parametrize(
    ("replacements", "caught_by"),
    [
        # The exception is left alone: 4500, and the database's words as the reason.
        ({LOOKUP: UNGUARDED}, "reason_leaks_nothing"),
        # Translated, but with the internal detail passed on.
        ({TRANSLATED: 'detail = f"no row in prices_v3 for {code!r}"'}, "reason_leaks_nothing"),
        # Prices off by the tax: the known codes are answered wrongly.
        ({REPLY: REPLY.replace("price}", "price * 1.2}")}, "known_codes"),
        # The server-error code instead of the policy one.
        (
            {"code=WS_1008_POLICY_VIOLATION, detail=detail": "code=1011, detail=detail"},
            "unknown_code",
        ),
        # receive_data(mode="text"): a binary frame reads as "", an unknown code.
        (
            {"code = await receive_code(socket)": 'code = await socket.receive_data(mode="text")'},
            "binary_frame",
        ),
        # An empty text frame taken for a binary one.
        ({"    if text is None:": "    if not text:"}, "empty_text_frame"),
    ],
    ids=["untranslated", "detail-passed-on", "with-tax", "1011", "text-mode", "empty-is-binary"],
)
def test_safe_close_checks_catch(
    replacements: dict[str, str], caught_by: str, tmp_path: Path
) -> None:
    assert caught_by in failed_checks(SAFE_CLOSE, replacements, tmp_path)
