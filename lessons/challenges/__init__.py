"""The capstone challenges: a feature through every layer of a copy of the capstone.

Each folder ``cNN_name/`` is one challenge (docs/contributing.md, "How to write a capstone
challenge"); ``common.py`` holds what their checks share.
"""
