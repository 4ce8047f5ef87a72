"""The closed sets of values a task can take, and how they sort.

The sets themselves are defined with the tables (storage/models.py), the layer below; the
layers above take them from here.
"""

from capstone.storage.models import Priority, Status

__all__ = ["PRIORITY_RANK", "Priority", "Status"]

# Sorting by priority means by importance, not alphabetically.
PRIORITY_RANK = {Priority.LOW: 0, Priority.MEDIUM: 1, Priority.HIGH: 2}
