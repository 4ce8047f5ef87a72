"""The capstone: a production-shaped task API built from the lessons' pieces.

Not built yet; it arrives with its own issue. Until then the Quickstart starts lesson 01.
"""
