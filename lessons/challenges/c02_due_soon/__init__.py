"""A due-soon feed.

Test: tests/capstone/test_due_soon.py
"""
