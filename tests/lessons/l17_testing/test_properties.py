"""Property-based tests: hypothesis generates the inputs, the tests state what must hold for all."""

import re
from typing import Annotated, Any

import msgspec
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from litestar import Litestar, post
from litestar.params import JSONBody
from litestar.testing import TestClient

from lessons.l17_testing.step01_notes import app

# --8<-- [start:settings]
# Bounded: a few dozen examples per property keeps the file to a few seconds.
# deadline=None: starting a client per example is slow, not wrong.
# database=None: no .hypothesis/ folder of saved examples in the repository.
BOUNDED = settings(max_examples=40, deadline=None, database=None)


def post_note(note: dict[str, Any]) -> tuple[int, Any]:
    with TestClient(app) as client:  # a fresh app, so every example starts empty
        response = client.post("/notes", json=note)
    return response.status_code, response.json()


# --8<-- [end:settings]
# --8<-- [start:titles]
# Any text but lone surrogates, which no JSON encoder can send as UTF-8.
ANY_CHARACTER = st.characters(exclude_categories=["Cs"])


@BOUNDED
@given(title=st.text(ANY_CHARACTER, min_size=1, max_size=80))
def test_any_title_of_1_to_80_characters_round_trips(title: str) -> None:
    status, body = post_note({"title": title})

    assert status == 201
    assert body["title"] == title  # emoji, accents, NULs, newlines: exactly as sent


@BOUNDED
@given(title=st.text(ANY_CHARACTER, min_size=81, max_size=200))
def test_any_longer_title_is_a_400_that_names_it(title: str) -> None:
    status, body = post_note({"title": title})

    assert status == 400
    assert body["extra"] == [
        {"message": "Expected `str` of length <= 80", "key": "title", "source": "body"}
    ]


# --8<-- [end:titles]
# --8<-- [start:tags]
SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"
slugs = st.from_regex(SLUG, fullmatch=True).filter(lambda tag: len(tag) <= 20)
# Almost-slugs: a good tag spoilt by one character a careless pattern lets through.
near_misses = st.builds(
    lambda tag, spoiler, at_end: tag + spoiler if at_end else spoiler + tag,
    slugs,
    st.sampled_from(["\n", " ", "-", "_", "A", "é", "\t"]),
    st.booleans(),
)


@BOUNDED
@given(tags=st.lists(slugs, max_size=5))
def test_any_list_of_slugs_round_trips(tags: list[str]) -> None:
    status, body = post_note({"title": "Tagged", "tags": tags})

    assert status == 201
    assert body["tags"] == tags


@BOUNDED
@given(tag=near_misses)
def test_anything_that_is_not_a_slug_is_a_400(tag: str) -> None:
    status, body = post_note({"title": "Tagged", "tags": [tag]})

    assert re.fullmatch(SLUG, tag) is None  # the strategy really made a near miss
    assert status == 400
    assert body["extra"][0]["key"] == "tags[0]"


# --8<-- [end:tags]


CARELESS_TAG = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class CarelessTagged(msgspec.Struct):
    tag: CARELESS_TAG


@post("/tags")
async def add_careless_tag(data: JSONBody[CarelessTagged]) -> CarelessTagged:
    return data


# --8<-- [start:pitfall]
def test_a_pattern_ending_in_dollar_lets_a_trailing_newline_through() -> None:
    # CARELESS_TAG is the tag pattern ending in `$` instead of `\Z`.
    with TestClient(Litestar([add_careless_tag])) as client:
        response = client.post("/tags", json={"tag": "python\n"})

    # re.search's `$` also matches just before a final "\n": accepted and stored.
    assert response.status_code == 201
    assert response.json() == {"tag": "python\n"}


# --8<-- [end:pitfall]


def test_the_near_miss_property_finds_that_hole_and_shrinks_it() -> None:
    let_through: list[str] = []
    with TestClient(Litestar([add_careless_tag])) as client:
        # The property above, pointed at the careless app: hypothesis finds the
        # hole, then shrinks the example. derandomize gives the same run every
        # time; leaving out the (slow) explain phase keeps it well under a second.
        @settings(BOUNDED, derandomize=True, phases=[Phase.generate, Phase.shrink])
        @given(tag=near_misses)
        def rejects_near_misses(tag: str) -> None:
            if client.post("/tags", json={"tag": tag}).status_code != 400:
                let_through.append(tag)
                raise AssertionError(f"{tag!r} was accepted")

        with pytest.raises(AssertionError):
            rejects_near_misses()

    assert all(tag.endswith("\n") for tag in let_through)  # the only hole there is
    assert let_through[-1] == "0\n"  # the smallest failing example, replayed last
