"""The exercise kit: what exercise checks are written with, and how they are run.

``lessons.kit.checks`` is the vocabulary of an exercise's ``checks.py``; ``lessons.kit.running``
runs those checks against an app file. The runner's ``check``, ``watch`` and friends sit on top.
"""

from lessons.kit.checks import (
    ANY,
    Check,
    CheckFailed,
    Checks,
    Client,
    NotDone,
    OfType,
    OneOf,
    Reply,
)

__all__ = ["ANY", "Check", "CheckFailed", "Checks", "Client", "NotDone", "OfType", "OneOf", "Reply"]
