"""Test data: a polyfactory factory for the notes clients send."""

# --8<-- [start:factory]
from polyfactory import Use
from polyfactory.factories.msgspec_factory import MsgspecFactory

from lessons.l17_testing.notes import NewNote

TAGS = ["home", "work", "shopping", "ideas", "to-read"]


class NewNoteFactory(MsgspecFactory[NewNote]):
    # Without these, polyfactory still obeys NewNote's limits (length, pattern),
    # but the titles are random hex and the tags random slugs that never repeat.
    title = Use(lambda: NewNoteFactory.__faker__.sentence(nb_words=4))
    tags = Use(
        lambda: NewNoteFactory.__random__.sample(TAGS, k=NewNoteFactory.__random__.randint(0, 2))
    )


# --8<-- [end:factory]
